import { ownUnitGroups } from '../../../domain/unit-groups.js';

// The five roles of DOMAIN.md, with the province's three approval roles of LIFECYCLE.md ("Collective decisions":
// division head 处长, finance division 财务处, leadership 厅领导), and how each maps to the engine's candidate groups.

export const roles = ['applicant', 'city-reviewer', 'province-officer', 'division-head', 'finance', 'leadership', 'expert', 'administrator'] as const;
export type Role = (typeof roles)[number];

/** The signed-in person, as every route sees it. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Set for city reviewers only: the reporting unit they act for. */
  unitId: string | null;
  /** Set for applicants only: the USCC of their enterprise. */
  enterpriseUscc: string | null;
  /** Extra engine groups (account_group): a city reviewer's sub-groups of its unit, e.g. `city130100leader`. */
  groups: string[];
  /** A city reviewer who manages its own unit's reviewer accounts (单位管理员). */
  unitAdmin: boolean;
}

/**
 * The engine candidate groups of an account: plain alphanumeric ids (`city130100`, `province`, `divisionhead`, `finance`, `leadership`, `expert`, `admin`),
 * and for a city reviewer its sub-groups of its own unit (`city130100leader`).
 */
export function candidateGroupsOf(account: Pick<Account, 'role' | 'unitId' | 'groups'>): string[] {
  switch (account.role) {
    case 'city-reviewer':
      return [`city${account.unitId}`, ...ownUnitGroups(account.unitId, account.groups)];
    case 'province-officer':
      return ['province'];
    case 'division-head':
      return ['divisionhead'];
    case 'finance':
      return ['finance'];
    case 'leadership':
      return ['leadership'];
    case 'expert':
      return ['expert'];
    case 'administrator':
      return ['admin'];
    case 'applicant':
      return [];
  }
}
