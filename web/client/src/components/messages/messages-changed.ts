// The menu's unread badge asks again when a page marked a message read (or sent one): a window event, so the badge
// and the pages need no shared state.

const EVENT = 'iiot:messages-changed';

/** Tells the unread badge that the inbox changed. */
export function announceMessagesChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` whenever the inbox changed; returns the unsubscribe. */
export function onMessagesChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
