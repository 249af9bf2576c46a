import { z } from 'zod';

// The few fields lists, notices and documents show of an application, parsed from its stored data. A draft's data
// may be incomplete and a submitted one was validated against its form; either way a reader gets strings, never
// `unknown`, and a missing or malformed field reads as empty rather than as "undefined" or "[object Object]".

const shown = z.string().trim().catch('');
const shownNumber = z.union([z.number(), z.string().trim()]).transform(String).catch('');

/** The summary fields of an application's data. */
export const applicationSummary = z.object({
  enterpriseName: shown,
  projectName: shown,
  direction: shown,
  totalInvestment: shownNumber,
  periodStart: shown,
  periodEnd: shown,
  contactName: shown,
  contactPhone: shown,
  contactEmail: shown,
});

/** The summary fields of an application. */
export type ApplicationSummary = z.infer<typeof applicationSummary>;

/** Reads the summary fields of an application's stored data (anything: a draft's, a submitted one's). */
export function summaryOf(data: unknown): ApplicationSummary {
  return applicationSummary.parse(data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {});
}

/** The applicant's contact address if the data holds one that can receive mail. */
export function contactEmailOf(data: unknown): string | undefined {
  const email = summaryOf(data).contactEmail;
  return email.includes('@') ? email : undefined;
}
