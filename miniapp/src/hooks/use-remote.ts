import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api-client';

export interface Remote<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Loads once on mount (and on `reload`); the error is the server's message, shown as is. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[] = [], enabled = true): Remote<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loader.current());
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, ...deps]);
  return { data, error, loading, reload, setData };
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
