import type { Queryable } from '../platform/database.js';
import { demoCall } from '../domain/call.js';
import { findCall, insertCallIfMissing, updateCallCalendar } from './call-repository.js';

const WEEK = 7 * 86_400_000;

/**
 * Seeds the demo call on the embedded default and keeps it open: when fewer than seven days remain for enterprises,
 * its calendar moves to start again from now, so a new user can always declare, review and recommend.
 */
export async function keepDemoCallOpen(db: Queryable, now: Date): Promise<void> {
  const fresh = demoCall(now);
  if (await insertCallIfMissing(db, fresh)) return;
  const existing = await findCall(db, fresh.id);
  if (existing && existing.enterpriseDeadline.getTime() - now.getTime() < WEEK) await updateCallCalendar(db, fresh);
}
