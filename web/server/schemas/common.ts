import { z } from 'zod';

// What several areas' schemas share. Like every file of web/server/schemas/, it imports only zod and domain/: the
// browser bundle imports these schemas to parse the answers.

/**
 * A point in time: a Date on the server, an ISO 8601 string on the wire, a Date again once the client parsed it.
 * The route serializer encodes with it (fastify-type-provider-zod's `safeEncode`), the client decodes.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

/** The answer of a route that answers with no content (204, or 202 with `null`). */
export const noContent = z.null();

/** A form's data: an object of the form's keys; its content is checked at submission, against the deployed form. */
export const formData = z.record(z.string().max(64), z.unknown());

/** The id of a call in a path. */
export const callParams = z.object({ callId: z.string().max(40) });

/** A field-level problem of a refused request: where (`body.data.projectName`) and what, in Chinese. */
export const fieldError = z.object({ path: z.string(), message: z.string() });

/** Every error answer (plugins/error-handler.ts): a stable code, a message for people, field-level problems. */
export const errorAnswer = z.object({ code: z.string(), message: z.string(), fields: z.array(fieldError).optional() });

export type FieldError = z.infer<typeof fieldError>;

/**
 * A deployed form-js form as the page renders it: a JSON object. The server passes the engine's deployed form on
 * as it is (`z.unknown()` in its answers); the client narrows the answers that carry one with this before it renders.
 */
export const deployedFormJson = z.record(z.string(), z.unknown());
