// A call's calendar and life as rules (issue 13): which state a call is in, whether it accepts a submission now,
// what a calendar change may not do, and the calendar of the next year's call. Pure: "now" is an input.

/** Where a call is in its life: prepared (draft), published, or closed early by the province. */
export type CallState = 'draft' | 'published' | 'closed';

/** The lifecycle columns of a call. */
export interface CallLifecycle {
  publishedAt: Date | null;
  closedAt: Date | null;
}

/** What the calls page edits on the calendar: the three dates, and the windows counted per application. */
export interface CallSchedule {
  opensAt: Date;
  enterpriseDeadline: Date;
  cityDeadline: Date;
  correctionDays: number;
  maxCorrectionRounds: number;
  sealDueDays: number;
  /** The working days a unit has to answer the province's return at formal review. */
  returnAnswerDays: number;
}

/** A call's state from its lifecycle columns. */
export function callState(lifecycle: CallLifecycle): CallState {
  if (lifecycle.closedAt) return 'closed';
  return lifecycle.publishedAt ? 'published' : 'draft';
}

/** Why a call takes no submission whatever its calendar says (a draft or a closed call), or null. */
export function submissionRefusalOf(lifecycle: CallLifecycle): string | null {
  switch (callState(lifecycle)) {
    case 'draft': return '该申报批次尚未发布，不能申报。';
    case 'closed': return '该申报批次已由省厅关闭，不再接受申报。';
    case 'published': return null;
  }
}

/** What the change of a calendar needs to know besides the two calendars. */
export interface ScheduleChangeContext {
  state: CallState;
  now: Date;
  /** Whether the call holds any application (a draft included). */
  hasApplications: boolean;
  /** The enterprise deadlines units set for their own enterprises. */
  unitDeadlines: { unitName: string; enterpriseDeadline: Date }[];
}

/** The outcome of a calendar change: refused with a message per field, or allowed with notes for the officer. */
export type ScheduleChangeVerdict = { ok: false; problems: { path: string; message: string }[] } | { ok: true; notes: string[] };

/**
 * Judges a calendar change: the dates in order (opening, enterprise deadline, units' deadline); the units' own
 * deadlines still inside; and, for a published call, no running window cut (a deadline not yet passed moved before
 * now, an opening already passed moved after now while applications exist). Correction, seal and return-answer days
 * change only the windows opened afterwards, which the notes say.
 */
export function judgeScheduleChange(current: CallSchedule, next: CallSchedule, context: ScheduleChangeContext): ScheduleChangeVerdict {
  const problems: { path: string; message: string }[] = [];
  const at = (date: Date) => date.getTime();
  if (at(next.enterpriseDeadline) <= at(next.opensAt)) problems.push({ path: 'body.enterpriseDeadline', message: '企业申报截止时间须晚于申报开始时间' });
  if (at(next.cityDeadline) < at(next.enterpriseDeadline)) problems.push({ path: 'body.cityDeadline', message: '各市报送截止时间不能早于企业申报截止时间' });
  for (const unit of context.unitDeadlines) {
    if (at(unit.enterpriseDeadline) <= at(next.opensAt) || at(unit.enterpriseDeadline) > at(next.cityDeadline)) {
      problems.push({ path: 'body.cityDeadline', message: `${unit.unitName}已为本市企业规定截止时间，须在申报开始之后、各市报送截止之前；请先与该单位协调` });
    }
  }
  if (context.state === 'published') {
    const now = at(context.now);
    const cut = (before: Date, after: Date) => at(before) >= now && at(after) < now;
    if (cut(current.enterpriseDeadline, next.enterpriseDeadline)) problems.push({ path: 'body.enterpriseDeadline', message: '批次已发布、企业申报正在进行，截止时间不能提前到当前时间之前（会中断正在进行的申报）' });
    if (cut(current.cityDeadline, next.cityDeadline)) problems.push({ path: 'body.cityDeadline', message: '批次已发布，各市报送截止时间不能提前到当前时间之前（会中断各市正在进行的报送）' });
    if (context.hasApplications && at(current.opensAt) <= now && at(next.opensAt) > now) {
      problems.push({ path: 'body.opensAt', message: '已有企业在本批次中申报，申报开始时间不能推迟到当前时间之后' });
    }
  }
  if (problems.length) return { ok: false, problems };
  const notes: string[] = [];
  if (next.correctionDays !== current.correctionDays || next.maxCorrectionRounds !== current.maxCorrectionRounds) {
    notes.push('补正天数与轮次的修改只适用于此后发出的补正要求，已发出的补正期限不变。');
  }
  if (next.sealDueDays !== current.sealDueDays) notes.push('盖章上传天数的修改只适用于此后开始的盖章上传期限，已开始的期限不变。');
  if (next.returnAnswerDays !== current.returnAnswerDays) notes.push('退回答复天数的修改只适用于此后省厅退回的申报，已退回的答复期限不变。');
  return { ok: true, notes };
}

const BEIJING_OFFSET = 8 * 3_600_000;

/** The same Beijing date and time `years` later (29 February becomes 28 February). China keeps no summer time. */
export function shiftByYears(date: Date, years: number): Date {
  const wall = new Date(date.getTime() + BEIJING_OFFSET);
  const year = wall.getUTCFullYear() + years;
  const month = wall.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(year, month, Math.min(wall.getUTCDate(), lastDay), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  return new Date(shifted - BEIJING_OFFSET);
}

/** A previous call's title for another year: its year, wherever it is named, replaced. */
export function titleForYear(title: string, fromYear: number, year: number): string {
  return title.includes(String(fromYear)) ? title.replaceAll(String(fromYear), String(year)) : `${year}年${title}`;
}
