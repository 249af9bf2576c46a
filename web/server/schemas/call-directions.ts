import { z } from 'zod';
import { templateCode } from '../../../domain/directions.js';

// A call's directions as the page /calls/:callId/directions edits them (routes/call-directions.ts): the whole list,
// each with its template (附件2–4), its parent, whether it is retired, and the direction capped at one per unit.

/** One direction of the call, with how many of the call's applications declare it. */
export const callDirectionRow = z.object({
  code: z.string(),
  label: z.string(),
  subtypeOf: z.string().nullable(),
  template: templateCode,
  retired: z.boolean(),
  applications: z.number(),
});

export const callDirectionsView = z.object({
  callId: z.string(),
  callTitle: z.string(),
  directions: z.array(callDirectionRow),
  /** The direction each unit may recommend at most once (限推1个), or none. */
  cappedDirection: z.string().nullable(),
});
export type CallDirectionsView = z.infer<typeof callDirectionsView>;

/** One row as the page sends it: a new row has no code (the server makes one); the checks name the row. */
export const callDirectionEdit = z.object({
  code: z.string().max(60).optional(),
  label: z.string({ error: '请填写申报方向名称' }).max(200),
  subtypeOf: z.string().max(60).nullable(),
  template: templateCode.nullable(),
  retired: z.boolean(),
});
export type CallDirectionEdit = z.infer<typeof callDirectionEdit>;

/** The whole list at once: rows left out are removed (refused for a direction applications declare). */
export const callDirectionsReplacement = z.object({
  directions: z.array(callDirectionEdit).min(1, '至少要有一个申报方向').max(100, '申报方向不能超过100个'),
  cappedDirection: z.string().max(60).nullable(),
});
export type CallDirectionsReplacement = z.infer<typeof callDirectionsReplacement>;
