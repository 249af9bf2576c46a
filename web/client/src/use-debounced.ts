import { useCallback, useEffect, useMemo, useRef } from 'react';

/**
 * Runs `action` once, `delayMs` after the last `schedule(...)`; `cancel()` drops a pending run, and so does
 * unmounting. The latest `action` runs, so callers need not keep it stable.
 */
export function useDebounced<A extends unknown[]>(action: (...args: A) => unknown, delayMs: number) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(action);
  latest.current = action;
  const cancel = useCallback(() => clearTimeout(timer.current), []);
  const schedule = useCallback((...args: A) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void latest.current(...args), delayMs);
  }, [delayMs]);
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ schedule, cancel }), [schedule, cancel]);
}
