// E8: the call's calendar. Not a content rule: the API refuses a late (or early) submission outright and stores
// nothing, so this is a predicate rather than a rule outcome. The caller passes its clock's "now".

/** The period in which a call accepts submissions. */
export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

/** Whether `now` lies within the call's window, both ends included. */
export function isWithinCalendar(now: Date, window: CallWindow): boolean {
  const at = now.getTime();
  return at >= window.opensAt.getTime() && at <= window.closesAt.getTime();
}
