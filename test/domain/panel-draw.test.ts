import { describe, expect, it } from 'vitest';
import type { PoolExpert, ReviewedProject } from '../../domain/expert-conflicts.js';
import { drawPanels, fisherYates, panelDrawAlgorithm, redrawOne, type PanelDrawInput, type PanelDrawResult } from '../../domain/panel-draw.js';
import type { RandomStream } from '../../domain/sha256-stream.js';
import { drawInputOf, generatorFor, oracle, oracleConflicted, randomExpert, randomSession, type RawSession } from './panel-draw-oracle.js';

const sessionDate = '2026-06-15';
const off = { excludeSameUnit: false };

function project(id: string, changes: Partial<ReviewedProject> = {}): ReviewedProject {
  return { id, title: `项目${id}`, enterpriseName: `企业${id}`, uscc: `91130100MA0${id.padStart(6, '0')}X`, unitId: '130100', direction: 'enterprise-platform', ...changes };
}

function expert(id: string, changes: Partial<PoolExpert> = {}): PoolExpert {
  return { id, name: `专家${id}`, organisation: `单位${id}`, homeUnitId: '130600', fields: ['enterprise-platform'], active: true, relationships: [], ...changes };
}

function input(changes: Partial<PanelDrawInput> = {}): PanelDrawInput {
  return {
    seed: 'd5c1f0a2-fixed-seed',
    projects: [project('P1'), project('P2')],
    experts: Array.from({ length: 8 }, (_, index) => expert(`E${index + 1}`)),
    panelSize: 3,
    settings: off,
    sessionDate,
    ...changes,
  };
}

function panelsOf(result: PanelDrawResult): string[][] {
  if (!result.ok) throw new Error(result.shortfall.message);
  return result.panels.map((panel) => panel.expertIds);
}

describe('fisherYates', () => {
  it('swaps item i with item uniformInt(i + 1), from the last item down', () => {
    // given a stream that always answers 0: each step swaps the current last item with the first
    const zeros: RandomStream = { nextUint32: () => 0, uniformInt: () => 0 };
    const asked: number[] = [];
    const recording: RandomStream = { nextUint32: () => 0, uniformInt: (n) => (asked.push(n), n - 1) };

    // when / then
    expect(fisherYates(['a', 'b', 'c', 'd'], zeros)).toEqual(['b', 'c', 'd', 'a']);
    expect(fisherYates(['a', 'b', 'c', 'd'], recording)).toEqual(['a', 'b', 'c', 'd']);
    expect(asked).toEqual([4, 3, 2]);
  });
});

describe('drawPanels', () => {
  it('records the algorithm, its version, the seed, the load bound and every expert’s eligibility', () => {
    // given an inactive expert and one of the first project's enterprise
    const experts = [...input().experts, expert('E9', { active: false }), expert('E10', { organisationUscc: project('P1').uscc })];

    // when
    const result = drawPanels(input({ experts }));

    // then
    expect(result).toMatchObject({ ok: true, algorithm: 'sha256-fisher-yates-maxflow', algorithmVersion: 1, seed: 'd5c1f0a2-fixed-seed', panelSize: 3 });
    expect(result.load).toEqual({ seats: 6, eligibleExperts: 9, bound: 2 });
    expect(result.eligibility[0]!.ineligible).toEqual([
      { expertId: 'E9', reasons: [{ code: 'inactive', reason: '专家已停用' }] },
      { expertId: 'E10', reasons: [{ code: 'same-organisation', reason: '专家工作单位即申报企业企业P1（统一社会信用代码相同）' }] },
    ]);
    expect(result.eligibility[1]!.eligible).toContain('E10');
    expect(panelsOf(result)[0]).not.toContain('E10');
  });

  it('is deterministic for one seed and input order, and varies with the seed', () => {
    const once = drawPanels(input());
    expect(drawPanels(input())).toEqual(once);
    const outcomes = new Set(Array.from({ length: 20 }, (_, index) => JSON.stringify(panelsOf(drawPanels(input({ seed: `seed-${index}` }))))));
    expect(outcomes.size).toBeGreaterThan(10);
  });

  it('keeps this outcome for this seed: a change to the draw is a new algorithm version', () => {
    expect(panelDrawAlgorithm).toEqual({ name: 'sha256-fisher-yates-maxflow', version: 1 });
    expect(panelsOf(drawPanels(input()))).toEqual(PINNED_PANELS);
  });

  it('draws each eligible expert about equally often (a uniform subset while the bound does not bite)', () => {
    // given one project and six eligible experts: each should sit on half of 3000 panels of three
    const counts = new Map<string, number>();
    const experts = Array.from({ length: 6 }, (_, index) => expert(`E${index + 1}`));

    // when
    for (let draw = 0; draw < 3000; draw++) {
      for (const id of panelsOf(drawPanels(input({ seed: `uniform-${draw}`, projects: [project('P1')], experts })))[0]!) counts.set(id, (counts.get(id) ?? 0) + 1);
    }

    // then: within ±6 standard deviations (σ ≈ 27)
    expect([...counts.keys()].sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
    for (const count of counts.values()) expect(Math.abs(count - 1500)).toBeLessThan(165);
  });

  it('reports every project short of conflict-free experts, by name and number, assigning nothing', () => {
    // given P1 with two eligible experts, P2 with none, P3 with enough
    const experts = [
      expert('E1'),
      expert('E2'),
      expert('E3', { fields: ['green-manufacturing'] }),
      expert('E4', { fields: ['green-manufacturing'] }),
      expert('E5', { fields: ['green-manufacturing'] }),
    ];
    const projects = [project('P1'), project('P2', { direction: 'safety-production' }), project('P3', { direction: 'green-manufacturing' })];

    // when
    const result = drawPanels(input({ projects, experts }));

    // then
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('panels');
    if (result.ok) return;
    expect(result.shortfall).toEqual({
      kind: 'conflict-free',
      projects: [
        { projectId: 'P1', lacking: 1, eligibleCount: 2 },
        { projectId: 'P2', lacking: 3, eligibleCount: 0 },
      ],
      message: '以下项目符合条件且无需回避的专家不足，未抽取任何专家：“项目P1”（需3人，符合条件且无需回避的2人，缺1人）；“项目P2”（需3人，符合条件且无需回避的0人，缺3人）',
    });
  });

  it('moves experts between panels to meet the bound, and reports the bound when no assignment meets it', () => {
    // given three projects that only E1 and E2 cover and one that six experts cover: 8 seats, 8 experts, bound 2
    const narrow = { direction: 'green-manufacturing' };
    const experts = [
      expert('E1', { fields: ['green-manufacturing', 'enterprise-platform'] }),
      expert('E2', { fields: ['green-manufacturing', 'enterprise-platform'] }),
      ...['E3', 'E4', 'E5', 'E6', 'E7', 'E8'].map((id) => expert(id)),
    ];
    const twoNarrow = [project('P1', narrow), project('P2', narrow), project('P4')];
    const threeNarrow = [project('P1', narrow), project('P2', narrow), project('P3', narrow), project('P4')];

    // when
    const feasible = drawPanels(input({ panelSize: 2, projects: twoNarrow, experts, seed: 'bound' }));
    const infeasible = drawPanels(input({ panelSize: 2, projects: threeNarrow, experts }));

    // then: with two narrow projects E1 and E2 sit on both, so the wide one goes to others
    expect(panelsOf(feasible).slice(0, 2).map((panel) => [...panel].sort())).toEqual([['E1', 'E2'], ['E1', 'E2']]);
    expect(panelsOf(feasible)[2]).not.toContain('E1');
    expect(infeasible.ok).toBe(false);
    if (infeasible.ok) return;
    expect(infeasible.load).toEqual({ seats: 8, eligibleExperts: 8, bound: 2 });
    expect(infeasible.shortfall.kind).toBe('load-bound');
    expect(infeasible.shortfall.projects.reduce((sum, entry) => sum + entry.lacking, 0)).toBe(2);
    expect(infeasible.shortfall.message).toMatch(/^每位专家本次评审最多承担2个项目，在此限制下无法配齐以下项目的评审专家，未抽取任何专家：“项目P\d”（缺\d人）/);
  });

  it('counts the seats of earlier draws in the bound and in each expert’s load', () => {
    // given E1 already on 3 panels of the session: 3 + 3 seats over 4 eligible experts, bound ceil(2 × 6 / 4) = 3
    const experts = ['E1', 'E2', 'E3', 'E4'].map((id) => expert(id));

    // when
    const results = Array.from({ length: 20 }, (_, index) => drawPanels(input({ seed: `load-${index}`, projects: [project('P1')], experts, existingLoad: { E1: 3 } })));

    // then: E1, at the bound, stays off every panel
    expect(results[0]!.load).toEqual({ seats: 6, eligibleExperts: 4, bound: 3 });
    for (const result of results) expect([...panelsOf(result)[0]!].sort()).toEqual(['E2', 'E3', 'E4']);
  });

  it('refuses malformed input outright', () => {
    expect(() => drawPanels(input({ panelSize: 0 }))).toThrow(RangeError);
    expect(() => drawPanels(input({ projects: [project('P1'), project('P1')] }))).toThrow(RangeError);
    expect(() => drawPanels(input({ experts: [expert('E1'), expert('E1')] }))).toThrow(RangeError);
    expect(() => drawPanels(input({ existingLoad: { E1: -1 } }))).toThrow(RangeError);
    expect(() => drawPanels(input({ sessionDate: '2026/06/15' }))).toThrow(RangeError);
  });
});

describe('drawPanels against the brute-force oracle', () => {
  it('over 1000 random sessions: eligibility as the oracle sees it, no conflicted expert, full distinct panels, the bound kept, and a shortfall only when the oracle finds no assignment', () => {
    const outcomes = { drawn: 0, 'conflict-free': 0, 'load-bound': 0 };
    for (let caseNumber = 1; caseNumber <= 1000; caseNumber++) {
      // given
      const session = randomSession(caseNumber);
      const expected = oracle(session);
      const label = `case ${caseNumber}`;

      // when
      const result = drawPanels(drawInputOf(session, caseNumber));

      // then
      expect(result.eligibility.map((entry) => new Set(entry.eligible)), label).toEqual(expected.eligible);
      for (const entry of result.eligibility) for (const { reasons } of entry.ineligible) expect(reasons.length, label).toBeGreaterThan(0);
      expect(result.load.bound, label).toBe(expected.bound);
      const short = session.projects.flatMap((_, p) => (expected.eligible[p]!.size < session.panelSize ? [p] : []));
      if (short.length > 0) {
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        expect(result.shortfall.kind, label).toBe('conflict-free');
        expect(result.shortfall.projects, label).toEqual(
          short.map((p) => ({ projectId: session.projects[p]!.id, lacking: session.panelSize - expected.eligible[p]!.size, eligibleCount: expected.eligible[p]!.size })),
        );
        outcomes['conflict-free'] += 1;
        continue;
      }
      const allSeats = session.panelSize * session.projects.length;
      if (expected.maximumSeats < allSeats) {
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        expect(result.shortfall.kind, label).toBe('load-bound');
        expect(result.shortfall.projects.reduce((sum, entry) => sum + entry.lacking, 0), label).toBe(allSeats - expected.maximumSeats);
        outcomes['load-bound'] += 1;
        continue;
      }
      expect(result.ok, label).toBe(true);
      if (!result.ok) continue;
      checkPanels(session, result, label);
      outcomes.drawn += 1;
    }
    // The generator must reach every outcome often enough for the property to mean something.
    expect(outcomes.drawn).toBeGreaterThan(300);
    expect(outcomes['conflict-free']).toBeGreaterThan(300);
    expect(outcomes['load-bound']).toBeGreaterThan(15);
  });

  it('draws a full panel from a pool of exactly N conflict-free experts, and reports one lacking at N − 1', () => {
    for (let caseNumber = 1; caseNumber <= 300; caseNumber++) {
      // given one project and a random pool trimmed or topped up to exactly N eligible experts
      const session = { ...randomSession(50_000 + caseNumber), existingLoad: {} };
      session.projects = session.projects.slice(0, 1);
      const random = generatorFor(90_000 + caseNumber);
      const target = session.projects[0]!;
      for (let extra = 0; oracle(session).eligible[0]!.size < session.panelSize && extra < 1000; extra++) {
        session.experts.push(randomExpert(random, `Y${extra}`, session.sessionDate));
      }
      for (const id of [...oracle(session).eligible[0]!].slice(session.panelSize)) session.experts.find((entry) => entry.id === id)!.active = false;
      const eligible = oracle(session).eligible[0]!;
      const label = `case ${caseNumber}`;
      expect(eligible.size, label).toBe(session.panelSize);

      // when / then: exactly N draw those N
      const full = drawPanels(drawInputOf(session, caseNumber));
      expect(full.ok, label).toBe(true);
      if (!full.ok) continue;
      expect(new Set(full.panels[0]!.expertIds), label).toEqual(eligible);

      // when / then: one of them conflicted (a declared relationship, or working for the enterprise) leaves N − 1
      const conflicted = session.experts.find((entry) => entry.id === [...eligible][0])!;
      if (caseNumber % 2 === 0) conflicted.relationships.push({ kind: random.pick(['works-for', 'advises', 'relative'] as const), organisation: target.enterprise, until: null });
      else conflicted.organisation = target.enterprise;
      expect(oracleConflicted(session, conflicted, target), label).toBe(true);
      const short = drawPanels(drawInputOf(session, caseNumber));
      expect(short.ok, label).toBe(false);
      if (short.ok) continue;
      expect(short.shortfall.kind, label).toBe('conflict-free');
      expect(short.shortfall.projects, label).toEqual([{ projectId: target.id, lacking: 1, eligibleCount: session.panelSize - 1 }]);
      expect(short.shortfall.message, label).toContain(`“项目${target.id}”（需${session.panelSize}人，符合条件且无需回避的${session.panelSize - 1}人，缺1人）`);
    }
  });
});

describe('redrawOne', () => {
  const experts = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((id) => expert(id));
  const redraw = {
    seed: 'redraw-seed',
    project: project('P1'),
    experts,
    panel: ['E1', 'E2', 'E3'],
    declinedExpertId: 'E2',
    reason: '出差无法参加',
    settings: off,
    sessionDate,
    existingLoad: { E1: 1, E2: 1, E3: 1, E4: 2 },
    loadBound: 2,
  };

  it('puts one eligible expert, not on the panel and under the bound, in the decliner’s place', () => {
    const result = redrawOne(redraw);
    expect(result).toMatchObject({ ok: true, algorithm: 'sha256-fisher-yates-maxflow', algorithmVersion: 1, seed: 'redraw-seed', declinedExpertId: 'E2', reason: '出差无法参加' });
    if (!result.ok) return;
    expect(['E5', 'E6']).toContain(result.replacementExpertId);
    expect(result.expertIds).toEqual(['E1', result.replacementExpertId, 'E3']);
    expect(result.excluded).toEqual([
      { expertId: 'E1', reason: '已在本项目评审组中' },
      { expertId: 'E2', reason: '已拒绝本项目评审' },
      { expertId: 'E3', reason: '已在本项目评审组中' },
      { expertId: 'E4', reason: '已承担2个项目，达到负荷上限' },
    ]);
    expect(redrawOne(redraw)).toEqual(result);
    const replacements = new Set(Array.from({ length: 20 }, (_, index) => redrawOne({ ...redraw, seed: `s${index}` })).map((entry) => entry.ok && entry.replacementExpertId));
    expect(replacements).toEqual(new Set(['E5', 'E6']));
  });

  it.each<[string, Partial<typeof redraw>, string]>([
    ['without a reason', { reason: '  ' }, '重新抽取专家须填写原因'],
    ['for an expert not on the panel', { declinedExpertId: 'E5' }, '该专家不在本项目评审组中'],
    ['with no one left', { experts: experts.slice(0, 4) }, '“项目P1”没有可替换的专家（符合条件且无需回避、不在评审组中且未达负荷上限的专家为0人），未作任何更改'],
  ])('refuses a redraw %s', (_case, changes, message) => {
    expect(redrawOne({ ...redraw, ...changes })).toMatchObject({ ok: false, message });
  });

  it('over 200 random sessions, replaces a decliner only with an oracle-eligible expert off the panel and under the bound', () => {
    let replaced = 0;
    for (let caseNumber = 1; caseNumber <= 200; caseNumber++) {
      const session = randomSession(70_000 + caseNumber);
      const drawInput = drawInputOf(session, caseNumber);
      const drawn = drawPanels(drawInput);
      if (!drawn.ok) continue;
      const expected = oracle(session);
      const load = loadAfter(session, drawn);
      const p = caseNumber % session.projects.length;
      const panel = drawn.panels[p]!.expertIds;
      const declined = panel[caseNumber % panel.length]!;
      const result = redrawOne({ ...drawInput, seed: `redraw-${caseNumber}`, project: drawInput.projects[p]!, panel, declinedExpertId: declined, reason: '回避', existingLoad: Object.fromEntries(load), loadBound: drawn.load.bound });
      const candidates = [...expected.eligible[p]!].filter((id) => !panel.includes(id) && (load.get(id) ?? 0) < expected.bound);
      expect(result.ok, `case ${caseNumber}`).toBe(candidates.length > 0);
      if (!result.ok) continue;
      expect(candidates, `case ${caseNumber}`).toContain(result.replacementExpertId);
      replaced += 1;
    }
    expect(replaced).toBeGreaterThan(50);
  });
});

// helpers

/** The panels recorded for input() with its fixed seed; recomputed only with a new algorithm version. */
const PINNED_PANELS = [
  ['E4', 'E7', 'E3'],
  ['E5', 'E2', 'E4'],
];

function checkPanels(session: RawSession, result: Extract<PanelDrawResult, { ok: true }>, label: string): void {
  const expected = oracle(session);
  expect(result.panels.map((panel) => panel.projectId), label).toEqual(session.projects.map((entry) => entry.id));
  result.panels.forEach((panel, p) => {
    expect(panel.expertIds.length, label).toBe(session.panelSize);
    expect(new Set(panel.expertIds).size, label).toBe(session.panelSize);
    for (const id of panel.expertIds) {
      const raw = session.experts.find((entry) => entry.id === id)!;
      expect(oracleConflicted(session, raw, session.projects[p]!), `${label}: ${id} on ${panel.projectId}`).toBe(false);
      expect(expected.eligible[p]!.has(id), `${label}: ${id} eligible for ${panel.projectId}`).toBe(true);
    }
  });
  // An expert already above the bound from earlier seats gets nothing new; everyone drawn now ends within it.
  const drawn = new Set(result.panels.flatMap((panel) => panel.expertIds));
  for (const [id, load] of loadAfter(session, result)) if (drawn.has(id)) expect(load, `${label}: load of ${id}`).toBeLessThanOrEqual(expected.bound);
}

function loadAfter(session: RawSession, result: Extract<PanelDrawResult, { ok: true }>): Map<string, number> {
  const load = new Map(Object.entries(session.existingLoad));
  for (const panel of result.panels) for (const id of panel.expertIds) load.set(id, (load.get(id) ?? 0) + 1);
  return load;
}
