import { checkUscc, normaliseUscc } from '../../../domain/uscc.js';
import type { ExpertFields, ExpertRecord, ExpertRelationship } from '../../../store/expert-repository.js';
import type { ExpertEntryBody } from '../schemas/experts.js';

// The rules of one expert's entry, for the officer's dialog and for each row of an imported sheet alike: texts
// normalised, the USCCs checked (domain/uscc.ts, check character included), the phone brought to one form, the
// directions known, the relationships consistent. Then who the person is: one name at one organisation, or one phone,
// is one person — a second entry for either is refused, naming the expert who has it. Problems are returned as
// lists (field path relative to the entry, Chinese message), never thrown.

/** A problem of an entry: where (`phone`, `relationships.0.until`) and what. */
export interface EntryProblem {
  field: string;
  message: string;
}

/** An entry normalised, its account still named by user name. */
export type CheckedEntry = Omit<ExpertFields, 'accountId'> & { accountUsername: string | null };

/** Checks and normalises an entry; `knownDirections` are the direction codes any call (or the shipped list) has. */
export function checkEntry(entry: ExpertEntryBody, knownDirections: ReadonlySet<string>): { checked: CheckedEntry; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const organisationUscc = entry.organisationUscc === null ? null : normaliseUscc(entry.organisationUscc);
  const usccIssue = organisationUscc === null ? undefined : usccProblem(organisationUscc);
  if (usccIssue) problems.push({ field: 'organisationUscc', message: `工作单位${usccIssue}` });
  const phone = normalisePhone(entry.phone);
  if (phone === undefined) problems.push({ field: 'phone', message: PHONE_MESSAGE });
  for (const code of entry.fields) if (!knownDirections.has(code)) problems.push({ field: 'fields', message: `未知的评审领域「${code}」` });
  const relationships = entry.relationships.map((relationship, index) => checkRelationship(relationship, index, problems));
  entry.relationships.forEach((_, index) => {
    const earlier = relationships.findIndex((r, i) => i < index && r.enterpriseUscc === relationships[index]!.enterpriseUscc && r.kind === relationships[index]!.kind);
    if (earlier >= 0) problems.push({ field: `relationships.${index}.kind`, message: `与第 ${earlier + 1} 条关联关系重复（同一企业、同一关系类型）` });
  });
  return {
    checked: {
      name: normaliseText(entry.name), organisation: normaliseText(entry.organisation), organisationUscc, homeUnitId: entry.homeUnitId,
      fields: [...new Set(entry.fields)], title: normaliseText(entry.title), phone: phone ?? entry.phone, email: entry.email.toLowerCase(),
      active: entry.active, accountUsername: entry.accountUsername === null ? null : entry.accountUsername.toLowerCase(), relationships,
    },
    problems,
  };
}

/** One person of the pool or of a sheet, as the duplicate rules compare them. */
export interface Person {
  /** The stored expert's id; none for a new entry. */
  id?: string;
  name: string;
  organisation: string;
  phone: string;
}

/** What makes two entries the same person: the same name at the same organisation, compared as the database does. */
export function personKey(person: Pick<Person, 'name' | 'organisation'>): string {
  return `${normaliseText(person.name).toLowerCase()}\u0000${normaliseText(person.organisation).toLowerCase()}`;
}

/** Why `person` would be a second entry of someone already in `others` (another id), by name field and phone field. */
export function duplicateProblems(person: Person, others: readonly Person[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const key = personKey(person);
  const sameName = others.find((other) => other.id !== person.id && personKey(other) === key);
  if (sameName) problems.push({ field: 'name', message: `专家库中已有「${sameName.name}」（${sameName.organisation}），同一人不能重复登记` });
  const samePhone = others.find((other) => other.id !== person.id && other.phone === person.phone);
  if (samePhone) problems.push({ field: 'phone', message: `联系电话 ${person.phone} 已登记为专家「${samePhone.name}」（${samePhone.organisation}）的电话` });
  return problems;
}

/** The fields of an entry that differ from the stored expert, each with its earlier and its new value. */
export function changesOf(before: ExpertRecord, after: ExpertFields): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ['name', 'organisation', 'organisationUscc', 'homeUnitId', 'fields', 'title', 'phone', 'email', 'active', 'accountId', 'relationships'] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

/** Text as stored: full-width forms folded (NFKC), trimmed, inner runs of whitespace made one space. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * A phone number in its one stored form: a mobile number's 11 digits (+86 dropped), or a landline as 区号-号码
 * (3-digit area codes start 01 or 02, the others have 4). Undefined when it is neither.
 */
export function normalisePhone(phone: string): string | undefined {
  let digits = phone.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (/^(\+86|0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(\+86|0086|86)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (!/^0\d{9,11}$/.test(digits)) return undefined;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const number = digits.slice(areaLength);
  return number.length >= 7 && number.length <= 8 ? `${digits.slice(0, areaLength)}-${number}` : undefined;
}

export const PHONE_MESSAGE = '联系电话须为 11 位手机号码，或带区号的固定电话（如 0311-87654321）';

// helpers

/** Checks and normalises one relationship (the `index`-th of its entry), adding its problems to `problems`. */
export function checkRelationship(relationship: ExpertEntryBody['relationships'][number], index: number, problems: EntryProblem[]): ExpertRelationship {
  const enterpriseUscc = normaliseUscc(relationship.enterpriseUscc);
  const issue = usccProblem(enterpriseUscc);
  if (issue) problems.push({ field: `relationships.${index}.enterpriseUscc`, message: `企业${issue}` });
  if (relationship.since && relationship.until && relationship.since > relationship.until) {
    problems.push({ field: `relationships.${index}.until`, message: '终止日期不能早于起始日期' });
  }
  return {
    enterpriseUscc, enterpriseName: normaliseText(relationship.enterpriseName), kind: relationship.kind, since: relationship.since,
    until: relationship.until, note: relationship.note === null ? null : relationship.note.trim(),
  };
}

/** What is wrong with a normalised USCC, worded to follow 工作单位 or 企业; undefined when it is well formed. */
function usccProblem(code: string): string | undefined {
  const check = checkUscc(code);
  if (check.ok) return undefined;
  return check.problem === 'check-character' ? '统一社会信用代码校验位不正确，请核对' : check.message;
}
