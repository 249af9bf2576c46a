import { useEffect, useRef } from 'react';

/**
 * Calls `poll` every `intervalMs` while `active` and the page is visible: a hidden tab asks nothing, and one shown
 * again asks at once. A poll still running is not overlapped by the next.
 */
export function useVisiblePolling(poll: () => Promise<unknown>, intervalMs: number, active: boolean): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let running = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, intervalMs);
    };
    const run = () => {
      if (running) return;
      running = true;
      void latest.current().catch(() => undefined).finally(() => {
        running = false;
        schedule();
      });
    };
    const onVisibility = () => {
      clearTimeout(timer);
      if (document.visibilityState === 'visible') run();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, active]);
}
