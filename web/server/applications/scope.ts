import type { Application } from '../../../store/application-repository.js';
import { AppError } from '../errors.js';
import type { Account } from '../identity/roles.js';

/**
 * Who may see an application: its own enterprise always; the reviewers of the unit it was declared to once it is
 * submitted; the province and administrators once submitted. Anyone else is told it does not exist.
 */
export function mayView(account: Account, application: Application): boolean {
  switch (account.role) {
    case 'applicant':
      return application.enterpriseUscc === account.enterpriseUscc;
    case 'city-reviewer':
      return application.status !== 'draft' && application.unitId === account.unitId;
    case 'province-officer':
    case 'administrator':
      return application.status !== 'draft';
    case 'expert':
    case 'division-head':
    case 'finance':
    case 'leadership':
      return false; // they see projects in the province's stages, not declarations
  }
}

/** The application if the account may see it, else NOT_FOUND (never "forbidden": that would confirm it exists). */
export function visibleTo(account: Account, application: Application | undefined): Application {
  if (!application || !mayView(account, application)) throw new AppError('NOT_FOUND');
  return application;
}

/** The application if it is the applicant's own, else NOT_FOUND. */
export function ownedBy(account: Account, application: Application | undefined): Application {
  if (!application || account.role !== 'applicant' || application.enterpriseUscc !== account.enterpriseUscc) throw new AppError('NOT_FOUND');
  return application;
}
