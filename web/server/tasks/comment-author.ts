// The engine records every comment under the web server's service account, so the server writes the author into
// the message itself: `【username】text`. Only the first such mark counts, and the server always writes one, so
// a person cannot pose as someone else by typing a mark. Comments written in the engine's own Tasklist carry no
// mark and keep the engine's user id as their author.

const MARK = /^【([a-z0-9._-]{3,64})】/;

/** The message the engine stores for a comment by `username`. */
export function authoredMessage(username: string, text: string): string {
  return `【${username}】${text}`;
}

/** The author and text of a stored comment. */
export function readComment(message: string | null, engineUserId: string | null): { author: string | null; text: string } {
  const stored = message ?? '';
  const mark = MARK.exec(stored);
  return mark ? { author: mark[1]!, text: stored.slice(mark[0].length) } : { author: engineUserId, text: stored };
}
