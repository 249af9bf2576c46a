import { z } from 'zod';
import { specialDayKinds } from '../../../domain/working-days.js';
import { timestamp } from './common.js';

// The working-day calendar (工作日历, routes/working-days.ts): a year's statutory holidays and make-up workdays (调休),
// read and replaced together. The rules between rows (inside the year, once, changing the week) are
// domain/special-days.ts, checked by the route, which knows the year.

const year = z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年');

/** ?year=YYYY of the list. */
export const workingDaysQuery = z.object({ year });
/** /:year of the replacement. */
export const workingDaysParams = z.object({ year });

/** A calendar date, YYYY-MM-DD, that exists. */
const calendarDate = z.string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), '没有这一天');

/** One special day as the page sends it. */
export const specialDayInput = z.object({
  date: calendarDate,
  kind: z.enum(specialDayKinds, { error: '类型须为节假日或调休上班' }),
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称（如 春节）').max(20, '名称不能超过 20 个字'),
  /** Whether an officer checked the row against the State Council's notice (false: 待核对). */
  checked: z.boolean(),
});

/** A year's special days, all at once: rows left out are removed. */
export const workingDaysReplacement = z.object({ days: z.array(specialDayInput).max(120, '一年最多 120 个特殊日期') });

/** One special day as stored. */
export const specialDay = specialDayInput.extend({ updatedBy: z.string(), updatedAt: timestamp });

/** A year's calendar: its special days in date order, and how many are still to be checked. */
export const workingDaysYear = z.object({ year: z.number(), days: z.array(specialDay), unchecked: z.number() });

export type SpecialDayInput = z.infer<typeof specialDayInput>;
export type WorkingDaysReplacement = z.infer<typeof workingDaysReplacement>;
export type WorkingDaysYear = z.infer<typeof workingDaysYear>;
