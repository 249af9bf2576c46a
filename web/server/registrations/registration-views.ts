import { unitNameOf } from '../../../domain/units.js';
import type { Queryable } from '../../../platform/database.js';
import { AppError } from '../errors.js';
import { activeHoldersOf, findRegistration, findRegistrationFile, listRegistrations, type Registration, type RegistrationFile } from '../identity/registration-repository.js';
import type { Account } from '../identity/roles.js';
import type { RegistrationDetail, RegistrationSummary } from '../schemas/registrations.js';

// What reviewers read of registrations: a reviewer its own unit's, an administrator any; unconfirmed ones nobody.

/** The registrations an account reviews, pending first. */
export async function registrationsFor(db: Queryable, account: Account): Promise<RegistrationSummary[]> {
  return (await listRegistrations(db, account.role === 'city-reviewer' ? account.unitId : null)).map(summaryOf);
}

/** One registration with its files and, while pending or for a claim, the accounts that hold its USCC now; else 404. */
export async function registrationDetailFor(db: Queryable, account: Account, registrationId: string): Promise<RegistrationDetail> {
  const registration = await visibleRegistration(db, account, registrationId);
  const [licence, authorisation] = await Promise.all([findRegistrationFile(db, registration.licenceFileId), findRegistrationFile(db, registration.authorisationFileId)]);
  const holders = registration.status === 'pending' || registration.kind === 'claim' ? await activeHoldersOf(db, registration.uscc) : [];
  return {
    ...summaryOf(registration),
    usccAsPrinted: registration.usccAsPrinted, legalRepresentative: registration.legalRepresentative, contactName: registration.contactName,
    contactPhone: registration.contactPhone, email: registration.email, username: registration.username, confirmedAt: registration.confirmedAt,
    decidedBy: registration.decidedBy, decidedAt: registration.decidedAt, decisionReason: registration.decisionReason,
    licence: fileInfo(licence!), authorisation: fileInfo(authorisation!),
    holders: holders.filter((holder) => holder.id !== registration.accountId).map(({ username, displayName, since }) => ({ username, displayName, since })),
  };
}

/** A visible registration's 营业执照 (licence) or 授权书 (authorisation); else 404. */
export async function registrationFileFor(db: Queryable, account: Account, registrationId: string, fileKind: 'licence' | 'authorisation'): Promise<RegistrationFile> {
  const registration = await visibleRegistration(db, account, registrationId);
  const file = await findRegistrationFile(db, fileKind === 'licence' ? registration.licenceFileId : registration.authorisationFileId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

// helpers

/** A registration the account may see: a reviewer its own unit's, an administrator any; else 404. */
async function visibleRegistration(db: Queryable, account: Account, id: string): Promise<Registration> {
  const registration = await findRegistration(db, id);
  if (!registration || registration.status === 'unconfirmed' || (account.role === 'city-reviewer' && registration.unitId !== account.unitId)) throw new AppError('NOT_FOUND');
  return registration;
}

function summaryOf(registration: Registration): RegistrationSummary {
  return {
    id: registration.id, uscc: registration.uscc, enterpriseName: registration.enterpriseName, unitId: registration.unitId,
    unitName: unitNameOf(registration.unitId), kind: registration.kind, status: registration.status,
    checksumFails: registration.usccAsPrinted, createdAt: registration.createdAt,
  };
}

function fileInfo(file: { fileName: string; sizeBytes: number; mediaType: string }) {
  return { fileName: file.fileName, sizeBytes: file.sizeBytes, mediaType: file.mediaType };
}
