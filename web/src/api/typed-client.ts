// The one way pages talk to the API: methods typed by the generated OpenAPI `paths` (schema.d.ts, written by
// `npm run gen:client` from api/src/contract/operations.ts). A path is a template of the document
// ("/requests/{id}"); its path parameters, query, body and the 200/201 answer are checked by the compiler,
// so a page cannot call a URL the server does not have or read a field the server does not send.
import type { paths } from "./schema";
import { API, request } from "./client";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Paths<M extends Method> = { [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P }[keyof paths];
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : R extends { content: { [type: string]: infer C } } ? C : undefined;
type Answer<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;
type PathOf<O> = O extends { parameters: { path: infer X } } ? ([X] extends [never] ? never : X) : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([NonNullable<Q>] extends [never] ? never : NonNullable<Q>) : never;
type JsonBody<RB> = RB extends { content: { "application/json": infer B } } ? B : never; // never in, never out
type BodyOf<O> = JsonBody<NonNullable<O extends { requestBody?: infer RB } ? RB : never>>;

type Init<O> = ([PathOf<O>] extends [never] ? unknown : { path: PathOf<O> }) &
  ([QueryOf<O>] extends [never] ? unknown : { query?: QueryOf<O> }) &
  ([BodyOf<O>] extends [never] ? unknown : BodyRequired<O> extends true ? { body: BodyOf<O> } : { body?: BodyOf<O> });
type BodyRequired<O> = O extends { requestBody: object } ? true : false;
/** The init argument is required when the operation has path parameters or a required body. */
type InitArgs<O> = [PathOf<O>] extends [never] ? (BodyRequired<O> extends true ? [init: Init<O>] : [init?: Init<O> & { quiet401?: boolean }]) : [init: Init<O>];

/** The JSON answer of an operation, e.g. `Answer<"/requests/{id}", "get">`. */
export type ApiAnswer<P extends keyof paths, M extends Method> = Answer<Op<P, M>>;
/** The JSON body of an operation. */
export type ApiBody<P extends keyof paths, M extends Method> = BodyOf<Op<P, M>>;
/** The query parameters of an operation. */
export type ApiQuery<P extends keyof paths, M extends Method> = QueryOf<Op<P, M>>;

interface RawInit {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  quiet401?: boolean;
}

/** Fills in "{name}" from init.path (encoded) and appends the query string; empty values are left out. */
export function urlOf(template: string, init: RawInit = {}): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = init.path?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

function call(method: Uppercase<Method>, template: string, init: RawInit = {}, defaultBody?: unknown) {
  return request(method, urlOf(template, init), init.body ?? defaultBody, { quiet401: init.quiet401 });
}

export const client = {
  GET: <P extends Paths<"get">>(path: P, ...init: InitArgs<Op<P, "get">>) => call("GET", path, init[0] as RawInit) as Promise<Answer<Op<P, "get">>>,
  // POST without a body sends {} (the API's strict bodies accept an empty object).
  POST: <P extends Paths<"post">>(path: P, ...init: InitArgs<Op<P, "post">>) => call("POST", path, init[0] as RawInit, {}) as Promise<Answer<Op<P, "post">>>,
  PUT: <P extends Paths<"put">>(path: P, ...init: InitArgs<Op<P, "put">>) => call("PUT", path, init[0] as RawInit) as Promise<Answer<Op<P, "put">>>,
  PATCH: <P extends Paths<"patch">>(path: P, ...init: InitArgs<Op<P, "patch">>) => call("PATCH", path, init[0] as RawInit) as Promise<Answer<Op<P, "patch">>>,
  DELETE: <P extends Paths<"delete">>(path: P, ...init: InitArgs<Op<P, "delete">>) =>
    call("DELETE", path, init[0] as RawInit) as Promise<Answer<Op<P, "delete">>>,
};

/** A link to a GET operation for the browser to follow itself (downloads, redirects): same typing, no fetch. */
export function linkTo<P extends Paths<"get">>(path: P, ...init: InitArgs<Op<P, "get">>): string {
  return API + urlOf(path, init[0] as RawInit);
}
