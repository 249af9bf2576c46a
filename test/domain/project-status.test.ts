import { describe, expect, it } from 'vitest';
import {
  checkProjectStatusMove, inLibraryStatuses, isInLibrary, nextProjectStatuses, projectStatusCodes, projectStatuses, terminalProjectStatuses,
  type ProjectStatus,
} from '../../domain/project-status.js';

describe('project statuses', () => {
  it('labels each status in Chinese, as LIFECYCLE.md names them', () => {
    expect(projectStatuses).toEqual({
      received: '待形式审查', returned: '退回市局', admitted: '在库', 'not-admitted': '不予入库', pilot: '试点',
      'under-construction': '建设中', 'awaiting-acceptance': '待验收', accepted: '已验收', 'acceptance-failed': '验收未通过',
      subsidised: '已补助', 'spot-checking': '抽查中', qualified: '合格', rectifying: '整改', adjusted: '调整', recovered: '收回',
      exited: '退库',
    });
    expect(projectStatusCodes).toHaveLength(16);
  });

  it.each<[ProjectStatus, boolean]>([
    ['received', false],
    ['returned', false],
    ['not-admitted', false],
    ['exited', false],
    ['admitted', true],
    ['pilot', true],
    ['under-construction', true],
    ['accepted', true],
    ['acceptance-failed', true],
    ['subsidised', true],
    ['rectifying', true],
    ['recovered', true],
  ])('%s in the provincial library: %s', (status, expected) => {
    expect(isInLibrary(status)).toBe(expected);
  });

  it('counts every status but the four before, outside or after the library as in it', () => {
    expect([...inLibraryStatuses].sort()).toEqual(projectStatusCodes.filter((s) => !['received', 'returned', 'not-admitted', 'exited'].includes(s)).sort());
  });
});

describe('the moves between project statuses (stage 4a)', () => {
  it.each([
    // formal review: admitted, returned to the unit, or refused; the unit's answer brings it back to review
    ['received', 'admitted', 'legal'],
    ['received', 'returned', 'legal'],
    ['received', 'not-admitted', 'legal'],
    ['returned', 'received', 'legal'],
    // the unit withdraws a returned application from its batch
    ['returned', 'not-admitted', 'legal'],
    // exit from the library, from any status in it
    ['admitted', 'exited', 'legal'],
    ['pilot', 'exited', 'legal'],
    ['acceptance-failed', 'exited', 'legal'],
    ['recovered', 'exited', 'legal'],
    // the same status again
    ['admitted', 'admitted', 'unchanged'],
    // not before admission, not back, not out of an end
    ['received', 'exited', 'illegal'],
    ['returned', 'admitted', 'illegal'],
    ['returned', 'exited', 'illegal'],
    ['admitted', 'received', 'illegal'],
    ['admitted', 'not-admitted', 'illegal'],
    ['not-admitted', 'received', 'illegal'],
    ['exited', 'admitted', 'illegal'],
    ['received', 'pilot', 'illegal'],
  ] as const)('%s → %s is %s', (from, to, expected) => {
    expect(checkProjectStatusMove(from, to).outcome).toBe(expected);
  });

  it('names both statuses when it refuses, and says a final one is final', () => {
    expect(checkProjectStatusMove('returned', 'admitted')).toEqual({ outcome: 'illegal', reason: '项目状态不能从“退回市局”变更为“在库”' });
    expect(checkProjectStatusMove('exited', 'admitted')).toEqual({ outcome: 'illegal', reason: '项目已“退库”，状态不能再变更为“在库”' });
  });

  it('lets nothing move on from a final status, and every library status exit', () => {
    for (const status of terminalProjectStatuses) expect(nextProjectStatuses(status)).toEqual([]);
    for (const status of inLibraryStatuses) expect(nextProjectStatuses(status)).toContain('exited');
  });
});
