import { Link } from 'react-router';
import type { Subject } from './types.js';

/** The application number, linked to its status page; a dash when the row belongs to no application. */
export function ApplicationLink({ subject }: { subject: Subject }) {
  if (!subject.applicationId) return <>—</>;
  return <Link to={`/applications/${subject.applicationId}`}>{subject.applicationNumber ?? '查看申报'}</Link>;
}
