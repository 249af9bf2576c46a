// Random review sessions for the draw's property tests, and a brute-force oracle over their raw data.
// The raw data names organisations by key; what the draw reads is rendered from it with the spelling noise real
// data has (lower-case and full-width USCCs, spaces, half-width parentheses). The oracle reads only the raw data:
// it never normalises a string and shares no code with domain/expert-conflicts.ts or domain/panel-draw.ts.
import type { PoolExpert, RelationshipKind, ReviewedProject } from '../../domain/expert-conflicts.js';
import type { PanelDrawInput } from '../../domain/panel-draw.js';

/** An organisation: a group, a member of one, or neither. Names containing a group's core belong to that group. */
interface Organisation {
  key: string;
  name: string;
  uscc: string;
  group?: string;
}

const organisations: readonly Organisation[] = [
  { key: 'G1', name: '燕山集团有限公司', uscc: '91130200MA0G1G1G1A' },
  { key: 'G2', name: '太行集团', uscc: '91130100MA0G2G2G2B' },
  { key: 'G3', name: '渤海集团股份有限公司', uscc: '91130900MA0G3G3G3C' },
  { key: 'A1', name: '燕山钢铁有限公司', uscc: '91130200MA0A1A1A1D', group: 'G1' },
  { key: 'A2', name: '燕山智能装备（唐山）有限公司', uscc: '91130200MA0A2A2A2E', group: 'G1' },
  { key: 'A3', name: '太行数控科技有限公司', uscc: '91130100MA0A3A3A3F', group: 'G2' },
  { key: 'A4', name: '冀北云智科技有限公司', uscc: '91130700MA0A4A4A4G' },
  { key: 'A5', name: '石门精密制造有限公司', uscc: '91130100MA0A5A5A5H' },
  { key: 'A6', name: '渤海化工科技有限公司', uscc: '91130900MA0A6A6A6J', group: 'G3' },
  { key: 'O1', name: '河北大学', uscc: '12130000MA0O1O1O1K' },
  { key: 'O2', name: '保定工学研究院', uscc: '12130600MA0O2O2O2L' },
  { key: 'O3', name: '燕山信息技术有限公司', uscc: '91130200MA0O3O3O3M', group: 'G1' },
  { key: 'O4', name: '雄州数字咨询有限公司', uscc: '91133100MA0O4O4O4N' },
  { key: 'O5', name: '邢襄咨询服务有限公司', uscc: '91130500MA0O5O5O5P' },
  { key: 'O6', name: '正定标准化研究所', uscc: '12130100MA0O6O6O6Q' },
];
const applicants = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
const preparers = ['O4', 'O5', 'O1', 'O3'];
const units = ['130100', '130200', '130600'];
const kinds: RelationshipKind[] = ['works-for', 'worked-for', 'cooperated', 'advises', 'interest', 'relative'];
/** Popular and rare directions, so that some sessions are short of experts and some bump into the load bound. */
const directions = [
  { code: 'enterprise-platform', weight: 0.8 },
  { code: 'industry-platform', weight: 0.45 },
  { code: 'city-platform', weight: 0.15, subtypeOf: 'industry-platform' },
  { code: 'green-manufacturing', weight: 0.25 },
];

/** An expert as the pool holds them, by organisation key. */
export interface RawExpert {
  id: string;
  name: string;
  organisation: string;
  showsOrganisationUscc: boolean;
  homeUnitId: string;
  fields: string[];
  active: boolean;
  relationships: { kind: RelationshipKind; organisation: string; until: string | null }[];
}

/** A project as declared, by organisation key; `preparedBy` is an organisation key or `person:<expert id>`. */
export interface RawProject {
  id: string;
  enterprise: string;
  declaredGroup: string | null;
  showsGroupUscc: boolean;
  preparedBy: string | null;
  showsPreparerUscc: boolean;
  unitId: string;
  direction: string;
}

/** One random review session. */
export interface RawSession {
  seed: string;
  sessionDate: string;
  excludeSameUnit: boolean;
  panelSize: number;
  experts: RawExpert[];
  projects: RawProject[];
  existingLoad: Record<string, number>;
}

/** A small seeded generator (mulberry32), so a failing case is reproducible from its number. */
export function generatorFor(caseNumber: number) {
  let state = (caseNumber * 0x9e3779b9) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

export type Generator = ReturnType<typeof generatorFor>;

/**
 * A random session: 0–16 experts, 1–6 projects, panels of 1–5, sometimes with seats held from earlier draws.
 * A crowded one (one in three) has several projects of a rare direction and one of the common direction, so that the
 * few experts of the rare one are wanted everywhere and the load bound decides.
 */
export function randomSession(caseNumber: number): RawSession {
  const random = generatorFor(caseNumber);
  const sessionDate = `${random.int(2025, 2027)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const crowded = random.chance(1 / 3);
  const experts = Array.from({ length: crowded ? random.int(10, 16) : random.int(0, 14) }, (_, index) => randomExpert(random, `X${index}`, sessionDate));
  const projectCount = crowded ? random.int(3, 6) : random.int(1, 6);
  const projects = Array.from({ length: projectCount }, (_, index) => {
    const direction = !crowded ? undefined : index < projectCount - 1 ? 'green-manufacturing' : 'enterprise-platform';
    return randomProject(random, `P${index}`, experts, direction);
  });
  const existingLoad: Record<string, number> = {};
  if (random.chance(0.3)) {
    for (const expert of experts) if (random.chance(0.4)) existingLoad[expert.id] = random.int(0, 3);
    if (random.chance(0.5)) existingLoad['someone-no-longer-in-the-pool'] = random.int(1, 3);
  }
  return {
    seed: `case-${caseNumber}`,
    sessionDate,
    excludeSameUnit: random.chance(0.4),
    panelSize: crowded ? random.int(1, 2) : random.chance(0.7) ? random.int(1, 3) : random.int(4, 5),
    experts,
    projects,
    existingLoad,
  };
}

/** A random expert, named uniquely. */
export function randomExpert(random: Generator, id: string, sessionDate: string): RawExpert {
  const relationships = Array.from({ length: random.chance(0.5) ? random.int(1, 3) : 0 }, () => ({
    kind: random.pick(kinds),
    organisation: random.chance(0.85) ? random.pick(applicants) : random.pick(organisations).key,
    until: randomUntil(random, sessionDate),
  }));
  return {
    id,
    name: `专家${id}号`,
    organisation: random.chance(0.5) ? random.pick(['O1', 'O2', 'O6', 'O4', 'O5']) : random.pick(organisations).key,
    showsOrganisationUscc: random.chance(0.6),
    homeUnitId: random.pick(units),
    fields: directions.filter((direction) => random.chance(direction.weight)).map((direction) => direction.code),
    active: random.chance(0.88),
    relationships,
  };
}

function randomProject(random: Generator, id: string, experts: readonly RawExpert[], direction?: string): RawProject {
  const enterprise = random.pick(applicants);
  const group = organisations.find((organisation) => organisation.key === enterprise)!.group ?? null;
  const preparedBy = random.chance(0.4) ? null : random.chance(0.15) && experts.length > 0 ? `person:${random.pick(experts).id}` : random.pick(preparers);
  return {
    id,
    enterprise,
    declaredGroup: group !== null && random.chance(0.8) ? group : null,
    showsGroupUscc: random.chance(0.5),
    preparedBy,
    showsPreparerUscc: random.chance(0.5),
    unitId: random.pick(units),
    direction: direction ?? (random.chance(0.6) ? 'enterprise-platform' : random.pick(directions).code),
  };
}

/** The draw's input rendered from a session, with spelling noise from the case's generator. */
export function drawInputOf(session: RawSession, caseNumber: number): PanelDrawInput {
  const random = generatorFor(caseNumber + 1_000_000);
  const expertsById = new Map(session.experts.map((expert) => [expert.id, expert]));
  const experts: PoolExpert[] = session.experts.map((expert) => ({
    id: expert.id,
    name: noisyName(random, expert.name),
    organisation: noisyName(random, organisationOf(expert.organisation).name),
    organisationUscc: expert.showsOrganisationUscc ? noisyUscc(random, organisationOf(expert.organisation).uscc) : null,
    homeUnitId: expert.homeUnitId,
    fields: expert.fields,
    active: expert.active,
    relationships: expert.relationships.map((relationship) => ({
      kind: relationship.kind,
      enterpriseUscc: noisyUscc(random, organisationOf(relationship.organisation).uscc),
      enterpriseName: organisationOf(relationship.organisation).name,
      until: relationship.until,
    })),
  }));
  const projects: ReviewedProject[] = session.projects.map((project) => {
    const group = project.declaredGroup === null ? null : organisationOf(project.declaredGroup);
    const preparer = preparerName(project.preparedBy, expertsById);
    const preparerUscc = project.preparedBy?.startsWith('O') && project.showsPreparerUscc ? organisationOf(project.preparedBy).uscc : null;
    return {
      id: project.id,
      title: `项目${project.id}`,
      enterpriseName: noisyName(random, organisationOf(project.enterprise).name),
      uscc: noisyUscc(random, organisationOf(project.enterprise).uscc),
      enterpriseGroup: group ? noisyName(random, group.name) : null,
      enterpriseGroupUscc: group && project.showsGroupUscc ? noisyUscc(random, group.uscc) : null,
      preparedBy: preparer === null ? null : noisyName(random, preparer),
      preparedByUscc: preparerUscc === null ? null : noisyUscc(random, preparerUscc),
      unitId: project.unitId,
      direction: project.direction,
      directionSubtypeOf: directions.find((direction) => direction.code === project.direction)?.subtypeOf ?? null,
    };
  });
  return {
    seed: session.seed,
    projects,
    experts,
    panelSize: session.panelSize,
    settings: { excludeSameUnit: session.excludeSameUnit },
    sessionDate: session.sessionDate,
    existingLoad: session.existingLoad,
  };
}

/** The oracle's view of a session: who is eligible for what, the load bound, and how many seats can be filled. */
export interface OracleAnswer {
  eligible: Set<string>[];
  bound: number;
  capacity: Map<string, number>;
  /** The most seats any assignment within the bound fills: the minimum cut, by brute force over project subsets. */
  maximumSeats: number;
}

/** Whether the oracle sees a conflict between a raw expert and project (LIFECYCLE.md stage 4b, read literally). */
export function oracleConflicted(session: RawSession, expert: RawExpert, project: RawProject): boolean {
  const organisation = organisationOf(expert.organisation);
  const windowStart = dateYearsBefore(session.sessionDate, 3);
  return (
    expert.organisation === project.enterprise ||
    (project.declaredGroup !== null && (expert.organisation === project.declaredGroup || organisation.group === project.declaredGroup)) ||
    expert.relationships.some((relationship) => relationship.organisation === project.enterprise && (relationship.until === null || relationship.until >= windowStart)) ||
    project.preparedBy === expert.organisation ||
    project.preparedBy === `person:${expert.id}` ||
    (session.excludeSameUnit && expert.homeUnitId === project.unitId)
  );
}

/** Eligibility, bound and the maximum fill, computed over the raw data alone. */
export function oracle(session: RawSession): OracleAnswer {
  const eligible = session.projects.map(
    (project) =>
      new Set(
        session.experts
          .filter((expert) => expert.active && covers(expert, project.direction) && !oracleConflicted(session, expert, project))
          .map((expert) => expert.id),
      ),
  );
  const eligibleAnywhere = new Set(eligible.flatMap((ids) => [...ids]));
  const held = Object.values(session.existingLoad).reduce((sum, load) => sum + load, 0);
  const seats = session.panelSize * session.projects.length + held;
  const bound = eligibleAnywhere.size === 0 ? 0 : Math.ceil((2 * seats) / eligibleAnywhere.size);
  const capacity = new Map(session.experts.map((expert) => [expert.id, Math.max(0, bound - (session.existingLoad[expert.id] ?? 0))]));
  // Max-flow = min-cut: a cut keeps projects S on the source side, paying panelSize for each project outside S and,
  // per expert, the cheaper of its capacity and its edges from S.
  let maximumSeats = Infinity;
  const count = session.projects.length;
  for (let subset = 0; subset < 2 ** count; subset++) {
    const inSubset = (p: number) => (subset & (2 ** p)) !== 0;
    let cut = session.panelSize * session.projects.filter((_, p) => !inSubset(p)).length;
    for (const expert of session.experts) {
      const edges = eligible.filter((ids, p) => inSubset(p) && ids.has(expert.id)).length;
      cut += Math.min(capacity.get(expert.id)!, edges);
    }
    maximumSeats = Math.min(maximumSeats, cut);
  }
  return { eligible, bound, capacity, maximumSeats };
}

/** The date `years` calendar years before an ISO date, by the Date arithmetic of the calendar (UTC). */
export function dateYearsBefore(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}

/** The direction codes an expert's fields cover, read from the raw direction table. */
export function covers(expert: Pick<RawExpert, 'fields'>, direction: string): boolean {
  const parent = directions.find((entry) => entry.code === direction)?.subtypeOf;
  return expert.fields.includes(direction) || (parent !== undefined && expert.fields.includes(parent));
}

/** An organisation by key. */
export function organisationOf(key: string): Organisation {
  return organisations.find((organisation) => organisation.key === key)!;
}

// helpers

function randomUntil(random: Generator, sessionDate: string): string | null {
  const threeYears = dateYearsBefore(sessionDate, 3);
  switch (random.int(0, 4)) {
    case 0:
      return null;
    case 1:
      return threeYears;
    case 2:
      return addDays(threeYears, -1);
    case 3:
      return addDays(threeYears, 1);
    default:
      return addDays(sessionDate, -random.int(0, 6 * 365));
  }
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function preparerName(preparedBy: string | null, experts: Map<string, RawExpert>): string | null {
  if (preparedBy === null) return null;
  if (preparedBy.startsWith('person:')) return experts.get(preparedBy.slice('person:'.length))!.name;
  return organisationOf(preparedBy).name;
}

function noisyUscc(random: Generator, uscc: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return uscc.toLowerCase();
    case 1:
      return Array.from(uscc, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0)).join('');
    case 2:
      return ` ${uscc} `;
    default:
      return uscc;
  }
}

function noisyName(random: Generator, name: string): string {
  let noisy = random.chance(0.5) ? name.replace(/（/g, '(').replace(/）/g, ')') : name;
  if (random.chance(0.4)) {
    const at = random.int(0, noisy.length);
    noisy = `${noisy.slice(0, at)}${random.pick([' ', '\u3000'])}${noisy.slice(at)}`;
  }
  return noisy;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
