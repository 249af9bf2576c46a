// form-js re-renders its fields whenever their state changes, undoing what a page adds to its DOM (Chinese words,
// field notes, stored files): each such addition is applied again after every render.

/** Runs `apply` now and again after every change under `root` (`options` narrow what counts); returns a stop. */
export function keepApplied(root: HTMLElement, apply: () => void, options: MutationObserverInit = { subtree: true, childList: true }): () => void {
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(root, options);
  return () => observer.disconnect();
}
