import { isUnitId, reportingUnits, unitById, type UnitId } from './units.js';

// Who may write letters (站内信) to whom: the province to the reporting units, a unit to its own enterprises; nobody
// else writes. The checks name every recipient they refuse, so a refused letter says what to correct.

export const letterAudiences = ['units', 'enterprises'] as const;
export type LetterAudience = (typeof letterAudiences)[number];

/** Whom a role writes to: province officers to units, city reviewers to their enterprises, others to nobody. */
export function letterAudienceOf(role: string): LetterAudience | undefined {
  if (role === 'province-officer') return 'units';
  if (role === 'city-reviewer') return 'enterprises';
  return undefined;
}

/** The recipients a writer asks for: every one it may write to, or a list. */
export type RequestedRecipients = 'all' | readonly string[];

export type RecipientChoice<T extends string> = { ok: true; recipients: T[] } | { ok: false, problems: string[] };

/** The units a province letter goes to; an unknown unit id refuses the letter, naming it. */
export function chooseUnitRecipients(requested: RequestedRecipients): RecipientChoice<UnitId> {
  if (requested === 'all') return { ok: true, recipients: reportingUnits.map((unit) => unit.id) };
  const unknown = unique(requested).filter((id) => !isUnitId(id));
  if (unknown.length) return { ok: false, problems: unknown.map((id) => `未知的单位：${id}`) };
  return { ok: true, recipients: unique(requested).filter(isUnitId) };
}

/** The enterprises (USCCs) a unit's letter goes to, among its own; one not its own refuses the letter, naming it. */
export function chooseEnterpriseRecipients(requested: RequestedRecipients, own: readonly string[]): RecipientChoice<string> {
  if (requested === 'all') {
    return own.length ? { ok: true, recipients: unique(own) } : { ok: false, problems: ['本单位还没有可以写信的企业'] };
  }
  const ownSet = new Set(own);
  const foreign = unique(requested).filter((uscc) => !ownSet.has(uscc));
  if (foreign.length) return { ok: false, problems: foreign.map((uscc) => `企业 ${uscc} 不是本单位的企业，不能给它写信`) };
  return { ok: true, recipients: unique(requested) };
}

/** How a letter's writer is shown to its readers: the province or the unit's bureau, never a person. */
export function letterAuthorLabel(authorUnitId: string | null): string {
  if (authorUnitId === null) return '河北省工业和信息化厅';
  if (authorUnitId === 'xiongan') return '雄安新区改革发展局';
  const unit = unitById(authorUnitId);
  return unit ? `${unit.name}工业和信息化局` : authorUnitId;
}

/** The author label of a message that is no letter: the platform's own notices. */
export const systemAuthorLabel = '系统通知';

/** The mail copy of a letter: its body, and a line pointing to the system when it carries files. */
export function letterMailBody(body: string, hasAttachments: boolean): string {
  return hasAttachments ? `${body}\n\n本信附有附件，请登录系统查看附件。` : body;
}

/** The event keys that make a letter's messages and mails at most once per recipient. */
export const letterEventKeys = {
  unit: (letterId: number, unitId: string) => `letter:${letterId}:unit:${unitId}`,
  enterprise: (letterId: number, uscc: string) => `letter:${letterId}:enterprise:${uscc}`,
  account: (letterId: number, accountId: number) => `letter:${letterId}:account:${accountId}`,
};

// helpers

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
