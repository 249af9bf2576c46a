import type { ProjectStatus } from '../../../../../domain/project-status.js';
import { projectStatusCodes } from '../../../../../domain/project-status.js';

/** The library lists' filters as the address holds them (the API's query names). */
export interface LibraryCriteria {
  callId?: string;
  unitId?: string;
  direction?: string;
  template?: string;
  status?: ProjectStatus[];
}

const single = ['callId', 'unitId', 'direction', 'template'] as const;

/** The filters the address holds; a status the domain does not know is dropped rather than sent. */
export function criteriaOf(params: URLSearchParams): LibraryCriteria {
  const criteria: LibraryCriteria = {};
  for (const key of single) {
    const value = params.get(key);
    if (value) criteria[key] = value;
  }
  const statuses = params.getAll('status').flatMap((value) => value.split(',')).filter((code): code is ProjectStatus => (projectStatusCodes as string[]).includes(code));
  if (statuses.length) criteria.status = statuses;
  return criteria;
}

/** The filters as the API's query (also the exports'). */
export function queryOf(criteria: LibraryCriteria): string {
  const query = new URLSearchParams();
  for (const key of single) if (criteria[key]) query.set(key, criteria[key]);
  if (criteria.status?.length) query.set('status', criteria.status.join(','));
  return query.toString();
}
