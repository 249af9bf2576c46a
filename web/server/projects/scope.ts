import type { Project } from '../../../store/project-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';

/**
 * Who may see a project of the provincial library: the province's roles all of them; a unit's reviewers those of
 * their own unit; an applicant those of its own enterprise (by USCC). Experts and administrators none.
 */
export function mayViewProject(account: Account, project: Pick<Project, 'unitId' | 'enterpriseUscc'>): boolean {
  switch (account.role) {
    case 'province-officer':
    case 'division-head':
    case 'finance':
    case 'leadership':
      return true;
    case 'city-reviewer':
      return !!account.unitId && project.unitId === account.unitId;
    case 'applicant':
      return !!account.enterpriseUscc && project.enterpriseUscc === account.enterpriseUscc;
    case 'expert':
    case 'administrator':
      return false;
  }
}

/** The project if the account may see it, else NOT_FOUND: another unit's project looks like no project at all. */
export function projectVisibleTo<P extends Pick<Project, 'unitId' | 'enterpriseUscc'>>(account: Account, project: P | undefined): P {
  if (!project || !mayViewProject(account, project)) throw new AppError('NOT_FOUND', '没有找到该项目。');
  return project;
}
