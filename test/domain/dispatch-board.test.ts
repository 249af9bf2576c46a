import { describe, expect, it } from 'vitest';
import { dispatchBoard, type PilotProgress } from '../../domain/dispatch-board.js';

// The province's dispatch board: completion and punctuality per pilot, the flag for two missed reports in a row,
// and the sums per unit and per direction, in hundredths of 万元.

const pilot = (overrides: Partial<PilotProgress>): PilotProgress => ({
  projectId: 'P1', unitId: '130100', direction: 'mode-intelligent-manufacturing', plannedInvestment: 1000, completedInvestment: 250,
  standings: ['on-time', 'not-due'], ...overrides,
});

describe('dispatchBoard', () => {
  it('gives each pilot its completion, punctuality and flag, flagged pilots first', () => {
    const { rows } = dispatchBoard([
      pilot({ projectId: 'P1' }),
      pilot({ projectId: 'P2', unitId: '130200', completedInvestment: null, standings: ['late', 'missing', 'not-due'] }),
    ]);
    expect(rows.map((r) => [r.projectId, r.completion, r.punctuality, r.dueReports, r.onTimeReports, r.flagged])).toEqual([
      ['P2', null, 0, 2, 0, true],
      ['P1', 0.25, 1, 1, 1, false],
    ]);
  });

  it('sums per unit and per direction without drift', () => {
    const { byUnit, byDirection } = dispatchBoard([
      pilot({ projectId: 'P1', plannedInvestment: 0.1, completedInvestment: 0.1 }),
      pilot({ projectId: 'P2', plannedInvestment: 0.2, completedInvestment: 0.2, standings: ['late', 'missing'] }),
      pilot({ projectId: 'P3', unitId: '130200', direction: 'network-upgrade', plannedInvestment: 500, completedInvestment: null, standings: ['not-due'] }),
    ]);
    expect(byUnit).toEqual([
      { key: '130100', pilots: 2, plannedInvestment: 0.3, completedInvestment: 0.3, completion: 1, dueReports: 3, onTimeReports: 1, punctuality: 1 / 3, flagged: 1 },
      { key: '130200', pilots: 1, plannedInvestment: 500, completedInvestment: 0, completion: null, dueReports: 0, onTimeReports: 0, punctuality: null, flagged: 0 },
    ]);
    expect(byDirection.map((g) => [g.key, g.pilots])).toEqual([['mode-intelligent-manufacturing', 2], ['network-upgrade', 1]]);
  });

  it('refuses a negative or non-numeric amount, naming the project', () => {
    expect(() => dispatchBoard([pilot({ projectId: 'PX', completedInvestment: -1 })])).toThrow('完成投资须为不小于0的数（项目 PX）');
    expect(() => dispatchBoard([pilot({ projectId: 'PY', plannedInvestment: Number.NaN })])).toThrow('计划投资须为不小于0的数（项目 PY）');
  });
});
