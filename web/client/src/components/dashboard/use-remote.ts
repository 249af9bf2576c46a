import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { api, messageOf } from '../../api.js';

/** What a GET gave: the last data (kept while it loads again), the error in Chinese, and whether it is loading. */
export interface Remote<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  /** Loads again; resolves with the new data (undefined on an error, which `error` then says). */
  reload(): Promise<T | undefined>;
}

/**
 * Loads `url` (nothing while it is undefined) and again whenever it changes. It counts as loading until an answer
 * for the current url arrived, so `aria-busy` never says "done" between a new url and its request. The answer is
 * parsed with `answer`, the route's response schema.
 */
export function useRemote<S extends z.ZodType>(url: string | undefined, answer: S): Remote<z.output<S>> {
  type T = z.output<S>;
  const [settled, setSettled] = useState<{ url?: string; data?: T; error?: string }>({});
  const [pending, setPending] = useState(false);
  const latest = useRef(url);
  latest.current = url;
  const load = useCallback(async (): Promise<T | undefined> => {
    if (url === undefined) return undefined;
    setPending(true);
    try {
      const data = await api('GET', url, answer);
      if (latest.current !== url) return undefined; // a newer url owns the state
      setSettled({ url, data });
      return data;
    } catch (e) {
      if (latest.current === url) setSettled((last) => ({ url, data: last.data, error: messageOf(e) }));
      return undefined;
    } finally {
      if (latest.current === url) setPending(false);
    }
  }, [url, answer]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data: settled.data, error: settled.error, loading: url !== undefined && (pending || settled.url !== url), reload: load };
}
