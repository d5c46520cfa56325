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

/** Like useLoad but a missing endpoint (404/405/501) yields `undefined` instead of an error. */
export async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && [404, 405, 501].includes(e.status)) return undefined;
    throw e;
  }
}
