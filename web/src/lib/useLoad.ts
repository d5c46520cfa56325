// Load data for a page: {data, error, loading, reload}. Keeps showing old data while reloading
// so live updates do not flash the page.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  set(v: T): void;
}

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const reload = useCallback(() => {
    const n = ++seq.current;
    setLoading(true);
    fnRef
      .current()
      .then((v) => {
        if (n !== seq.current) return;
        setData(v);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (n !== seq.current) return;
        setError(e instanceof ApiError ? e : new ApiError({ title: "Error", status: 0, detail: String(e) }));
      })
      .finally(() => {
        if (n === seq.current) setLoading(false);
      });
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps);
  return { data, error, loading, reload, set: setData };
}

/**
 * Only for an endpoint this server may not offer (405 Method Not Allowed, 501 Not Implemented): those
 * yield `undefined`. Everything else stays an error for what it is: 404 "not found" (the thing is
 * missing), 503 "temporarily unavailable, try again" (the database is down), shown by ErrorBox.
 */
export async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && isNotOffered(e)) return undefined;
    throw e;
  }
}

/** The server does not offer this method or endpoint (as opposed to "not found" or "unavailable"). */
export const isNotOffered = (e: ApiError) => e.status === 405 || e.status === 501;

/** Worth trying again in a moment: the service or the network is down, not the request wrong. */
export const isTransient = (e: ApiError) => e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504;
