// Thin fetch wrapper: JSON in/out, bearer token kept in memory (the session cookie covers reloads),
// problem+json errors turned into ApiError so pages can show title, detail and field errors.
export interface FieldError {
  /** Relative to the body or query (`in`), e.g. "expertise" or "availability.weekly.0.from". */
  path: string;
  /** Stable machine code (api/src/contract/error-codes.ts); the UI translates it. */
  code?: string;
  params?: Record<string, string | number | boolean>;
  in?: "body" | "query" | "params";
  message: string;
}

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  /** Stable machine code of the problem as a whole (e.g. "offer_taken"). */
  code?: string;
  detail?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export class ApiError extends Error {
  constructor(public problem: ProblemBody) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

let token: string | undefined;
let onUnauthorized: (() => void) | undefined;

export const session = {
  setToken(t: string | undefined) {
    token = t;
  },
  getToken() {
    return token;
  },
  onUnauthorized(fn: () => void) {
    onUnauthorized = fn;
  },
};

export const API = "/api/v1";

export async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path.startsWith("/") && !path.startsWith(API) ? API + path : path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ title: "Network error", status: 0, detail: "The server could not be reached." });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  const data = type.includes("json") ? await res.json().catch(() => undefined) : await res.text();
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
    const p: ProblemBody =
      data && typeof data === "object" && "title" in data
        ? (data as ProblemBody)
        : { title: res.statusText || "Error", status: res.status, detail: typeof data === "string" ? data.slice(0, 300) : undefined };
    throw new ApiError({ ...p, status: p.status ?? res.status });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: { quiet401?: boolean }) => request<T>("GET", path, undefined, opts),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  /** A body only where the contract asks for one (DELETE /push/subscriptions names the endpoint). */
  delete: <T>(path: string, body?: unknown) => request<T>("DELETE", path, body),
};

/** Lists may come as `{data, next}` (the contract) or as a bare array (reference data, some early routes). */
export function listOf<T>(x: unknown): T[] {
  if (Array.isArray(x)) return x as T[];
  if (x && typeof x === "object" && Array.isArray((x as { data?: unknown }).data)) return (x as { data: T[] }).data;
  return [];
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}
