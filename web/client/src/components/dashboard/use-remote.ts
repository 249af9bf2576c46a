import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../../api.js';

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
 * for the current url arrived, so `aria-busy` never says "done" between a new url and its request.
 */
export function useRemote<T>(url: string | undefined): Remote<T> {
  const [settled, setSettled] = useState<{ url?: string; data?: T; error?: string }>({});
  const [pending, setPending] = useState(false);
  const latest = useRef(url);
  latest.current = url;
  const load = useCallback(async (): Promise<T | undefined> => {
    if (url === undefined) return undefined;
    setPending(true);
    try {
      const data = await api<T>('GET', url);
      if (latest.current !== url) return undefined; // a newer url owns the state
      setSettled({ url, data });
      return data;
    } catch (e) {
      if (latest.current === url) setSettled((last) => ({ url, data: last.data, error: (e as ApiError).message }));
      return undefined;
    } finally {
      if (latest.current === url) setPending(false);
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data: settled.data, error: settled.error, loading: url !== undefined && (pending || settled.url !== url), reload: load };
}
