import { describe, expect, it } from 'vitest';
import type { ReviewSessionView } from '../../web/server/schemas/review-sessions.js';
import { awaitsEngine } from '../../web/client/src/components/review-sessions/engine-wait.js';
import { approvedProposal, projectsOf } from '../../web/client/src/components/review-sessions/proposal-projects.js';
import { scoreText, seatStatusOf } from '../../web/client/src/components/review-sessions/review-labels.js';
import { seatActionsOf, type SeatAction } from '../../web/client/src/components/review-sessions/seat-actions.js';

// The review-session page's pure rules: which buttons a seat offers at each step, when the page keeps asking the
// server (the engine moves on its own), how a seat's state and a score read, which proposal the 公示 is about.

type Seat = ReviewSessionView['projects'][number]['seats'][number];
type Proposal = ReviewSessionView['proposals'][number];

const seat = (overrides: Partial<Seat> = {}): Seat => ({
  seatId: '00000000-0000-4000-8000-000000000001', expertId: '00000000-0000-4000-8000-000000000002', expertName: '张工', expertOrganisation: '河北工业大学',
  expertTitle: '教授', status: 'drawn', active: true, isLeader: false, declineReason: null, scores: null, total: null, opinion: null,
  excludedReason: null, rescoreReason: null, outlier: false, ...overrides,
});

describe('seatActionsOf', () => {
  it.each<[string, string, Partial<Seat>, SeatAction[]]>([
    ['a member while drawing may become the leader', 'drawing', {}, ['leader']],
    ['the leader while drawing has nothing to do', 'drawing', { isLeader: true }, []],
    ['a redrawn seat offers nothing', 'drawing', { status: 'redrawn', active: false }, []],
    ['a scored seat may be excluded or asked to review', 'scoring', { status: 'scored', total: 80 }, ['exclude', 'rescore']],
    ['an excluded score may be restored, nothing else', 'scoring', { status: 'scored', total: 80, excludedReason: '与项目单位存在合作' }, ['restore']],
    ['an expert who did not declare may be replaced', 'scoring', { status: 'drawn' }, ['replace']],
    ['an expert who declared but did not score may be replaced', 'scoring', { status: 'declared' }, ['replace']],
    ['the leader is never replaced', 'scoring', { status: 'declared', isLeader: true }, []],
    ['a declined seat offers nothing', 'scoring', { status: 'declined', active: false, declineReason: '曾参与该项目咨询' }, []],
    ['after scoring closed nothing is offered', 'proposing', { status: 'scored', total: 80 }, []],
  ])('%s', (_, status, overrides, expected) => {
    expect(seatActionsOf(status, seat(overrides))).toEqual(expected);
  });
});

describe('seatStatusOf', () => {
  it('names a declined seat with its reason', () => {
    expect(seatStatusOf({ status: 'declined', declineReason: '曾参与该项目咨询' }).label).toBe('已回避（曾参与该项目咨询）');
  });

  it.each([['drawn', '待声明'], ['declared', '待评分'], ['scored', '已评分'], ['redrawn', '已撤换']] as const)('names %s as %s', (status, label) => {
    expect(seatStatusOf({ status, declineReason: null }).label).toBe(label);
  });
});

describe('scoreText', () => {
  it.each<[number | null, string]>([[null, '—'], [85, '85'], [85.5, '85.5'], [85.3333, '85.33']])('shows %s as %s', (score, text) => {
    expect(scoreText(score)).toBe(text);
  });
});

describe('awaitsEngine', () => {
  const view = (overrides: Partial<ReviewSessionView>) => ({
    rubric: [{ code: 'basis', label: '发展基础好', maxScore: 40, guidance: '' }], status: 'drawing', documents: [], openTask: null, ...overrides,
  }) as ReviewSessionView;
  const task = { taskId: 't', taskKey: 'DrawPanels', name: '抽取评审专家' };
  const document = { format: 'pdf' as const, attachmentId: '00000000-0000-4000-8000-000000000003', sha256: 'x' };

  it.each<[string, Partial<ReviewSessionView>, boolean]>([
    ['waits for the rubric', { rubric: null, openTask: task }, true],
    ['waits for the next task after a step', { status: 'proposing' }, true],
    ['does not wait while the officer has a task', { openTask: task }, false],
    ['does not wait through the 公示', { status: 'public-notice' }, false],
    ['does not wait for the leaders’ consensus', { status: 'consensus' }, false],
    ['waits for the final list’s documents', { status: 'final' }, true],
    ['stops once the documents are there', { status: 'final', documents: [document] }, false],
  ])('%s', (_, overrides, expected) => {
    expect(awaitsEngine(view(overrides))).toBe(expected);
  });

  it('waits again once the 公示期 is over and no task is open (the timer, then the list’s publication), not before', () => {
    const until = new Date('2021-12-27T15:59:59Z');
    const notice = view({ status: 'public-notice', noticeUntil: until });
    expect(awaitsEngine(notice, new Date('2021-12-27T15:59:58Z'))).toBe(false);
    expect(awaitsEngine(notice, until)).toBe(true);
    expect(awaitsEngine(view({ status: 'public-notice', noticeUntil: until, openTask: { ...task, taskKey: 'FinalisePilotList' } }), new Date('2021-12-30T00:00:00Z'))).toBe(false);
  });
});

describe('approvedProposal and projectsOf', () => {
  const proposal = (round: number, decision: Proposal['decision'], projectIds: string[]): Proposal => ({
    round, projectIds, note: null, proposedBy: 'officer', proposedAt: new Date('2021-12-01T10:00:00+08:00'), decision, meeting: null, meetingDate: null,
    minutesRef: null, decisionComment: null, decidedBy: null, decidedAt: null,
  });
  const project = (projectId: string, projectNumber: string) => ({ projectId, projectNumber }) as ReviewSessionView['projects'][number];

  it('takes the latest approved proposal, not a returned or an undecided one, and its projects in its order', () => {
    // given
    const view = {
      projects: [project('a', 'P-1'), project('b', 'P-2'), project('c', 'P-3')],
      proposals: [proposal(1, 'return', ['a']), proposal(2, 'approve', ['c', 'a']), proposal(3, null, ['b'])],
    } as ReviewSessionView;

    // when
    const approved = approvedProposal(view);

    // then
    expect(approved?.round).toBe(2);
    expect(projectsOf(view, approved!).map((p) => p.projectNumber)).toEqual(['P-3', 'P-1']);
  });

  it('finds none before any approval', () => {
    expect(approvedProposal({ projects: [], proposals: [proposal(1, null, [])] } as unknown as ReviewSessionView)).toBeUndefined();
  });
});
