import { z } from 'zod';
import { timestamp } from './common.js';

// The enterprise deadline a city sets for its own enterprises (routes/unit-calendar.ts).

export const unitDeadline = z.object({ callId: z.string(), unitId: z.string(), enterpriseDeadline: timestamp, setByUnit: z.boolean() });
export const unitDeadlineChange = z.object({ enterpriseDeadline: z.iso.datetime({ offset: true, error: '请输入带时区的日期时间' }) });

export type UnitDeadline = z.infer<typeof unitDeadline>;
