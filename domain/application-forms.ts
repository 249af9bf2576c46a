import type { TemplateCode } from './directions.js';

/** The form id of each application material template (附件2–4), as deployed with the declaration process. */
export const applicationFormIds: Readonly<Record<TemplateCode, string>> = {
  'mode-application': 'application-mode',
  'industry-platform': 'application-industry-platform',
  'experience-center': 'application-experience-center',
};
