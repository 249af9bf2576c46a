import { unitById } from './units.js';

// How an actor of the audit log or of an application's status history is named: by its account's role (and unit),
// or, for the system's own actors, by what they are. An applicant reading its application's trail sees the accounts
// of its own enterprise by name and everyone else only by these labels, never by user name.

/** What the trail and the audit page know of an actor: the name recorded, and its account where there is one. */
export interface ActorAccount {
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  enterpriseUscc: string | null;
}

const roleLabels: Readonly<Record<string, string>> = {
  applicant: '申报企业',
  'city-reviewer': '市工信局审核人',
  'province-officer': '省工信厅',
  'division-head': '省工信厅处长',
  finance: '省工信厅财务处',
  leadership: '厅领导',
  expert: '评审专家',
  administrator: '平台管理员',
};

/** The office of a reporting unit: 石家庄市工信局, 雄安新区改革发展局. */
export function unitOfficeName(unitId: string): string | undefined {
  const unit = unitById(unitId);
  if (!unit) return undefined;
  return unit.id === 'xiongan' ? `${unit.name}改革发展局` : `${unit.name}工信局`;
}

/**
 * The role label of an actor: its account's role, with its unit for a reviewer (石家庄市工信局审核人); for an actor
 * without an account, what the system's own names stand for (`system`, `shipped`, a unit's group `city130100`).
 */
export function actorRoleLabel(actor: string, account: Pick<ActorAccount, 'role' | 'unitId'> | null): string {
  if (account) {
    if (account.role === 'city-reviewer' && account.unitId) {
      const office = unitOfficeName(account.unitId);
      if (office) return `${office}审核人`;
    }
    return roleLabels[account.role] ?? account.role;
  }
  const unitGroup = /^city(\d{6}|xiongan)$/.exec(actor);
  if (unitGroup) return unitOfficeName(unitGroup[1]!) ?? '系统';
  if (actor === 'shipped' || actor === 'migration') return '系统（随版本提供）';
  return '系统';
}

/**
 * How an application's trail names an actor to its reader: an applicant sees its own enterprise's accounts by
 * display name and everyone else by role label only; the unit, the province and administrators see the user name.
 */
export function trailActorName(actor: string, account: ActorAccount | null, reader: { role: string; enterpriseUscc: string | null }): string {
  const label = actorRoleLabel(actor, account);
  if (reader.role === 'applicant') {
    const ownEnterprise = account?.role === 'applicant' && !!account.enterpriseUscc && account.enterpriseUscc === reader.enterpriseUscc;
    return ownEnterprise ? account.displayName : label;
  }
  return account ? `${account.displayName}（${account.username}）` : label;
}
