// The expert panel draw (专家抽取, LIFECYCLE.md stage 4b): seeded, recorded and recomputable from its record.
//
// Algorithm `sha256-fisher-yates-maxflow`, version 1:
// 1. Eligibility: per project, every expert in input order is eligible or not (domain/expert-conflicts.ts).
//    A project with fewer eligible experts than the panel size is a shortfall: nothing is assigned.
// 2. Load bound: seats = panelSize × projects + the session's seats already held (the sum of `existingLoad`);
//    eligible experts = experts eligible for at least one project of this draw; average = seats / eligible experts;
//    no expert may end with more than bound = ceil(2 × average) panels in the session, existing ones included.
// 3. Randomness: the stream sha256(seed ‖ counter) (domain/sha256-stream.ts) shuffles, by Fisher–Yates (for i from
//    n − 1 down to 1, swap item i with item uniformInt(i + 1)), first the project order, then each project's
//    eligible experts in the projects' input order: that gives every project a random preference list.
// 4. Assignment: in the shuffled project order, each seat goes to the first expert of the project's list who is not
//    on its panel and under the bound; when none is, an augmenting path moves an expert from another panel to a free
//    one further down that panel's list (max-flow over project → expert → bound). Passes repeat until every panel
//    is full or no path is left; then the load bound, not the data, is the shortfall, and again nothing is assigned.
//    While the bound does not bite, each panel is the first panelSize experts of its list: a uniform random subset.
// Any change to these steps, or to the stream, is a new version: test/domain/panel-draw.test.ts pins an outcome.
import { eligibility, type ConflictSettings, type IneligibilityReason, type PoolExpert, type ReviewedProject } from './expert-conflicts.js';
import { sha256CounterStream, type RandomStream } from './sha256-stream.js';

/** The draw's name and version, recorded with every draw. */
export const panelDrawAlgorithm = { name: 'sha256-fisher-yates-maxflow', version: 1 } as const;

/** What a draw for a review session reads. */
export interface PanelDrawInput {
  /** Recorded with the draw; the caller makes it from a secure random source (e.g. 32 random bytes, hex). */
  seed: string;
  projects: readonly ReviewedProject[];
  experts: readonly PoolExpert[];
  panelSize: number;
  settings: ConflictSettings;
  /** The session's date (ISO), for the 3-year window of past relationships. */
  sessionDate: string;
  /** Panels each expert already sits on in this session, by expert id (earlier draws). */
  existingLoad?: Readonly<Record<string, number>>;
}

/** Who could and could not sit on one project's panel, and why not. */
export interface ProjectEligibility {
  projectId: string;
  eligible: string[];
  ineligible: { expertId: string; reasons: IneligibilityReason[] }[];
}

/** What a draw records besides its outcome: enough to recompute it. */
export interface DrawRecord {
  algorithm: typeof panelDrawAlgorithm.name;
  algorithmVersion: typeof panelDrawAlgorithm.version;
  seed: string;
  panelSize: number;
  load: { seats: number; eligibleExperts: number; bound: number };
  eligibility: ProjectEligibility[];
}

/** One project short of experts, and by how many. */
export interface ProjectShortfall {
  projectId: string;
  lacking: number;
  eligibleCount: number;
}

/** The panels, one per project in input order, each listing its experts in draw order; or the shortfall. */
export type PanelDrawResult =
  | (DrawRecord & { ok: true; panels: { projectId: string; expertIds: string[] }[] })
  | (DrawRecord & { ok: false; shortfall: { kind: 'conflict-free' | 'load-bound'; projects: ProjectShortfall[]; message: string } });

/** Draws panelSize eligible experts per project within the load bound, or reports the shortfall, assigning nothing. */
export function drawPanels(input: PanelDrawInput): PanelDrawResult {
  const { seed, projects, experts, panelSize, settings, sessionDate } = input;
  checkDrawInput(input);
  const existing = experts.map((expert) => input.existingLoad?.[expert.id] ?? 0);
  const projectEligibility = projects.map((project) => eligibilityOf(project, experts, settings, sessionDate));
  const indexOf = new Map(experts.map((expert, index) => [expert.id, index]));
  const eligibleIndexes = projectEligibility.map((entry) => entry.eligible.map((expertId) => indexOf.get(expertId)!));
  const record = drawRecord(input, projectEligibility, eligibleIndexes);
  const short = projects.flatMap((project, p) => {
    const eligibleCount = eligibleIndexes[p]!.length;
    return eligibleCount < panelSize ? [{ project, shortfall: { projectId: project.id, lacking: panelSize - eligibleCount, eligibleCount } }] : [];
  });
  if (short.length > 0) {
    const named = short.map(({ project, shortfall }) => `${titleOf(project)}（需${panelSize}人，符合条件且无需回避的${shortfall.eligibleCount}人，缺${shortfall.lacking}人）`);
    const message = `以下项目符合条件且无需回避的专家不足，未抽取任何专家：${named.join('；')}`;
    return { ...record, ok: false, shortfall: { kind: 'conflict-free', projects: short.map(({ shortfall }) => shortfall), message } };
  }

  const stream = sha256CounterStream(seed);
  const order = fisherYates(projects.map((_, p) => p), stream);
  const preferences = eligibleIndexes.map((indexes) => fisherYates(indexes, stream));
  const panels = assignWithinBound(order, preferences, panelSize, existing, record.load.bound);

  const unfilled = projects.flatMap((project, p) => {
    const lacking = panelSize - panels[p]!.size;
    return lacking > 0 ? [{ project, shortfall: { projectId: project.id, lacking, eligibleCount: eligibleIndexes[p]!.length } }] : [];
  });
  if (unfilled.length > 0) {
    const named = unfilled.map(({ project, shortfall }) => `${titleOf(project)}（缺${shortfall.lacking}人）`);
    const message = `每位专家本次评审最多承担${record.load.bound}个项目，在此限制下无法配齐以下项目的评审专家，未抽取任何专家：${named.join('；')}`;
    return { ...record, ok: false, shortfall: { kind: 'load-bound', projects: unfilled.map(({ shortfall }) => shortfall), message } };
  }
  return {
    ...record,
    ok: true,
    panels: projects.map((project, p) => ({
      projectId: project.id,
      expertIds: preferences[p]!.filter((index) => panels[p]!.has(index)).map((index) => experts[index]!.id),
    })),
  };
}

/** What a redraw for one project (an expert declined) reads. */
export interface PanelRedrawInput {
  /** A new seed for this redraw, recorded with it. */
  seed: string;
  project: ReviewedProject;
  experts: readonly PoolExpert[];
  /** The project's panel as it stands, the decliner included. */
  panel: readonly string[];
  declinedExpertId: string;
  reason: string;
  settings: ConflictSettings;
  sessionDate: string;
  /** Panels each expert sits on in the session now, by expert id. */
  existingLoad?: Readonly<Record<string, number>>;
  /** The bound recorded with the session's draw. */
  loadBound: number;
}

/** The replacement and the new panel (the decliner's place taken), or why there is none, with nothing changed. */
export type PanelRedrawResult =
  | {
      ok: true;
      algorithm: typeof panelDrawAlgorithm.name;
      algorithmVersion: typeof panelDrawAlgorithm.version;
      seed: string;
      projectId: string;
      declinedExpertId: string;
      reason: string;
      replacementExpertId: string;
      expertIds: string[];
      /** Eligible experts left out: already on the panel, the decliner, or at the load bound. */
      excluded: { expertId: string; reason: string }[];
      eligibility: ProjectEligibility;
    }
  | { ok: false; problem: 'reason' | 'not-on-panel' | 'shortfall'; message: string };

/** Draws one replacement for an expert who declined, among the eligible experts not on the panel and under the bound. */
export function redrawOne(input: PanelRedrawInput): PanelRedrawResult {
  const { seed, project, experts, panel, declinedExpertId, settings, sessionDate, loadBound } = input;
  const reason = input.reason.trim();
  if (reason === '') return { ok: false, problem: 'reason', message: '重新抽取专家须填写原因' };
  if (!panel.includes(declinedExpertId)) return { ok: false, problem: 'not-on-panel', message: '该专家不在本项目评审组中' };
  const projectEligibility = eligibilityOf(project, experts, settings, sessionDate);
  const excluded: { expertId: string; reason: string }[] = [];
  const candidates = projectEligibility.eligible.filter((expertId) => {
    const why =
      expertId === declinedExpertId ? '已拒绝本项目评审'
      : panel.includes(expertId) ? '已在本项目评审组中'
      : (input.existingLoad?.[expertId] ?? 0) >= loadBound ? `已承担${loadBound}个项目，达到负荷上限`
      : undefined;
    if (why !== undefined) excluded.push({ expertId, reason: why });
    return why === undefined;
  });
  if (candidates.length === 0) {
    return { ok: false, problem: 'shortfall', message: `${titleOf(project)}没有可替换的专家（符合条件且无需回避、不在评审组中且未达负荷上限的专家为0人），未作任何更改` };
  }
  const replacementExpertId = fisherYates(candidates, sha256CounterStream(seed))[0]!;
  return {
    ok: true,
    algorithm: panelDrawAlgorithm.name,
    algorithmVersion: panelDrawAlgorithm.version,
    seed,
    projectId: project.id,
    declinedExpertId,
    reason,
    replacementExpertId,
    expertIds: panel.map((expertId) => (expertId === declinedExpertId ? replacementExpertId : expertId)),
    excluded,
    eligibility: projectEligibility,
  };
}

/** Fisher–Yates on a copy: for i from n − 1 down to 1, swap item i with item uniformInt(i + 1) of the stream. */
export function fisherYates<T>(items: readonly T[], stream: RandomStream): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = stream.uniformInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

// helpers

function checkDrawInput({ projects, experts, panelSize, existingLoad }: PanelDrawInput): void {
  if (!Number.isInteger(panelSize) || panelSize < 1) throw new RangeError(`panel size must be a positive integer, got ${panelSize}`);
  if (new Set(projects.map((project) => project.id)).size !== projects.length) throw new RangeError('a project is listed twice');
  if (new Set(experts.map((expert) => expert.id)).size !== experts.length) throw new RangeError('an expert is listed twice');
  for (const [expertId, load] of Object.entries(existingLoad ?? {})) {
    if (!Number.isInteger(load) || load < 0) throw new RangeError(`existing load of ${expertId} must be a non-negative integer`);
  }
}

function drawRecord(input: PanelDrawInput, projectEligibility: ProjectEligibility[], eligibleIndexes: number[][]): DrawRecord {
  const { seed, projects, panelSize } = input;
  const seats = panelSize * projects.length + Object.values(input.existingLoad ?? {}).reduce((sum, load) => sum + load, 0);
  const eligibleExperts = new Set(eligibleIndexes.flat()).size;
  // ceil(2 × seats / eligibleExperts) in integers, so no rounding error moves the bound.
  const bound = eligibleExperts === 0 ? 0 : Math.floor((2 * seats + eligibleExperts - 1) / eligibleExperts);
  return {
    algorithm: panelDrawAlgorithm.name,
    algorithmVersion: panelDrawAlgorithm.version,
    seed,
    panelSize,
    load: { seats, eligibleExperts, bound },
    eligibility: projectEligibility,
  };
}

function eligibilityOf(project: ReviewedProject, experts: readonly PoolExpert[], settings: ConflictSettings, sessionDate: string): ProjectEligibility {
  const answers = experts.map((expert) => eligibility(expert, project, settings, sessionDate));
  return {
    projectId: project.id,
    eligible: answers.filter((answer) => answer.eligible).map((answer) => answer.expertId),
    ineligible: answers.filter((answer) => !answer.eligible).map(({ expertId, reasons }) => ({ expertId, reasons })),
  };
}

/** Step 4: the panels (expert indexes per project) of a maximum assignment within the bound. */
function assignWithinBound(order: number[], preferences: number[][], panelSize: number, existing: number[], bound: number): Set<number>[] {
  const panels = preferences.map(() => new Set<number>());
  const load = [...existing];
  const holders = existing.map(() => [] as number[]);
  const take = (p: number, e: number) => {
    panels[p]!.add(e);
    load[e]! += 1;
    holders[e]!.push(p);
  };
  const release = (p: number, e: number) => {
    panels[p]!.delete(e);
    load[e]! -= 1;
    holders[e]!.splice(holders[e]!.indexOf(p), 1);
  };
  // A free seat for p: a free expert of its list, else one freed by moving a holder along an augmenting path.
  const augment = (p: number, seenExperts: Set<number>, seenProjects: Set<number>): boolean => {
    const list = preferences[p]!;
    const free = list.find((e) => !panels[p]!.has(e) && load[e]! < bound);
    if (free !== undefined) {
      take(p, free);
      return true;
    }
    for (const e of list) {
      if (panels[p]!.has(e) || seenExperts.has(e)) continue;
      seenExperts.add(e);
      for (const holder of [...holders[e]!]) {
        if (seenProjects.has(holder)) continue;
        seenProjects.add(holder);
        if (augment(holder, seenExperts, seenProjects)) {
          release(holder, e);
          take(p, e);
          return true;
        }
      }
    }
    return false;
  };
  for (let progress = true; progress; ) {
    progress = false;
    for (const p of order) {
      while (panels[p]!.size < panelSize && augment(p, new Set(), new Set([p]))) progress = true;
    }
  }
  return panels;
}

function titleOf(project: ReviewedProject): string {
  return project.title ? `“${project.title}”` : `项目${project.id}`;
}
