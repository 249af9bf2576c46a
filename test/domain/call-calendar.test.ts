import { describe, expect, it } from 'vitest';
import { callState, judgeScheduleChange, shiftByYears, submissionRefusalOf, titleForYear, type CallSchedule, type ScheduleChangeContext } from '../../domain/call-calendar.js';

const schedule: CallSchedule = {
  opensAt: new Date('2022-11-29T00:00:00+08:00'),
  enterpriseDeadline: new Date('2022-12-15T23:59:59+08:00'),
  cityDeadline: new Date('2022-12-20T23:59:59+08:00'),
  correctionDays: 10,
  maxCorrectionRounds: 2,
  sealDueDays: 5,
  returnAnswerDays: 5,
};
const running: ScheduleChangeContext = { state: 'published', now: new Date('2022-12-05T12:00:00+08:00'), hasApplications: true, unitDeadlines: [] };

describe('a call’s state', () => {
  it.each([
    [{ publishedAt: null, closedAt: null }, 'draft', '该申报批次尚未发布，不能申报。'],
    [{ publishedAt: new Date(), closedAt: null }, 'published', null],
    [{ publishedAt: new Date(), closedAt: new Date() }, 'closed', '该申报批次已由省厅关闭，不再接受申报。'],
  ])('%o is %s', (lifecycle, state, refusal) => {
    expect(callState(lifecycle)).toBe(state);
    expect(submissionRefusalOf(lifecycle)).toBe(refusal);
  });
});

describe('judgeScheduleChange', () => {
  it.each([
    ['a deadline before the opening', { enterpriseDeadline: new Date('2022-11-28T00:00:00+08:00') }, 'body.enterpriseDeadline', '企业申报截止时间须晚于申报开始时间'],
    ['a units’ deadline before the enterprise deadline', { cityDeadline: new Date('2022-12-14T00:00:00+08:00') }, 'body.cityDeadline', '各市报送截止时间不能早于企业申报截止时间'],
  ])('refuses %s, also for a draft', (_name, change, path, message) => {
    const verdict = judgeScheduleChange(schedule, { ...schedule, ...change }, { ...running, state: 'draft' });
    expect(verdict).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('refuses to cut a running window of a published call, naming why', () => {
    const earlier = judgeScheduleChange(schedule, { ...schedule, enterpriseDeadline: new Date('2022-12-01T00:00:00+08:00') }, running);
    expect(earlier.ok).toBe(false);
    expect(!earlier.ok && earlier.problems[0]!.message).toMatch(/会中断正在进行的申报/);
    const later = judgeScheduleChange(schedule, { ...schedule, opensAt: new Date('2022-12-06T00:00:00+08:00') }, running);
    expect(!later.ok && later.problems.map((p) => p.path)).toEqual(['body.opensAt']);
  });

  it('lets a draft move any date in order, and a published call move its deadline later', () => {
    const draft = judgeScheduleChange(schedule, { ...schedule, opensAt: new Date('2022-12-06T00:00:00+08:00'), enterpriseDeadline: new Date('2022-12-07T00:00:00+08:00') }, { ...running, state: 'draft' });
    expect(draft).toEqual({ ok: true, notes: [] });
    expect(judgeScheduleChange(schedule, { ...schedule, enterpriseDeadline: new Date('2022-12-18T00:00:00+08:00') }, running)).toEqual({ ok: true, notes: [] });
    // an opening moved later with no application yet is no cut
    expect(judgeScheduleChange(schedule, { ...schedule, opensAt: new Date('2022-12-06T00:00:00+08:00') }, { ...running, hasApplications: false }).ok).toBe(true);
  });

  it('refuses a calendar that leaves a unit’s own deadline outside', () => {
    const verdict = judgeScheduleChange(schedule, { ...schedule, cityDeadline: new Date('2022-12-16T00:00:00+08:00') }, { ...running, unitDeadlines: [{ unitName: '唐山市', enterpriseDeadline: new Date('2022-12-18T00:00:00+08:00') }] });
    expect(!verdict.ok && verdict.problems[0]!.message).toMatch(/^唐山市已为本市企业规定截止时间/);
  });

  it('says correction, seal and return-answer days apply to windows opened afterwards only', () => {
    const verdict = judgeScheduleChange(schedule, { ...schedule, correctionDays: 7, sealDueDays: 3, returnAnswerDays: 8 }, running);
    expect(verdict).toEqual({ ok: true, notes: [
      '补正天数与轮次的修改只适用于此后发出的补正要求，已发出的补正期限不变。',
      '盖章上传天数的修改只适用于此后开始的盖章上传期限，已开始的期限不变。',
      '退回答复天数的修改只适用于此后省厅退回的申报，已退回的答复期限不变。',
    ] });
    expect(judgeScheduleChange(schedule, { ...schedule, returnAnswerDays: 3 }, running)).toEqual({ ok: true, notes: ['退回答复天数的修改只适用于此后省厅退回的申报，已退回的答复期限不变。'] });
  });
});

describe('the next year’s calendar', () => {
  it.each([
    ['2021-11-29T00:00:00+08:00', 1, '2022-11-29T00:00:00+08:00'],
    ['2021-12-15T23:59:59+08:00', 1, '2022-12-15T23:59:59+08:00'],
    ['2024-02-29T10:00:00+08:00', 1, '2025-02-28T10:00:00+08:00'],
    ['2021-01-01T02:00:00+08:00', 2, '2023-01-01T02:00:00+08:00'], // still 31 Dec in UTC
  ])('%s shifted by %i year(s) is %s in Beijing time', (from, years, to) => {
    expect(shiftByYears(new Date(from), years).toISOString()).toBe(new Date(to).toISOString());
  });

  it('names the new year in the title', () => {
    expect(titleForYear('2021年河北省工业互联网创新发展重点项目申报', 2021, 2022)).toBe('2022年河北省工业互联网创新发展重点项目申报');
    expect(titleForYear('重点项目申报', 2021, 2022)).toBe('2022年重点项目申报');
  });
});
