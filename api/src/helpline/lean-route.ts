// The routing webhook's lean path (issue 11): a switch waits for this answer with a caller on the
// line, so `POST /api/v1/helpline/route` with a valid telephony API key is answered right after the
// request log and the error handler, before helmet, the hardening checks, the body parser, passport
// and the ~20 routers that the full stack walks for every request. It does what the full path does
// for this request: the same security headers (computed once from the app's helmet options), the
// same API-key check, the same lenient body reading and the same use case.
// Anything else (no key, an unknown or revoked key, another role, a query string) falls through to
// the full stack, which gives the usual answers and problems.
import type { Context, Next } from "koa";
import helmet from "koa-helmet";
import type { Deps } from "../deps";
import { principalForApiKey } from "../auth/api-keys";
import { routeCall } from "../usecases/helpline/route-call";
import { LENIENT_PATHS, readLenientJson } from "./lenient-body";

export const ROUTE_PATH = "/api/v1/helpline/route";

type HelmetOptions = Parameters<typeof helmet>[0];

/** The headers helmet sets for these options, captured once (they do not depend on the request). */
export async function helmetHeaders(options: HelmetOptions): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (k: string, v: string | number | string[]) => void (headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v)),
    removeHeader: (k: string) => void delete headers[k.toLowerCase()],
    getHeader: (k: string) => headers[k.toLowerCase()],
  };
  await helmet(options)({ req: { headers: {} }, res } as unknown as Context, async () => {});
  return headers;
}

export function leanHelplineRoute(deps: Deps, options: HelmetOptions) {
  if (!LENIENT_PATHS.has(ROUTE_PATH)) throw new Error("the webhook's path must be read leniently (lenient-body.ts)");
  const headers = helmetHeaders(options);
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== "POST" || ctx.path !== ROUTE_PATH || ctx.querystring) return next();
    const key = ctx.get("x-api-key");
    const machine = key ? await principalForApiKey(key) : null;
    if (!machine || !machine.roles.includes("telephony")) return next();
    ctx.state.user = machine;
    ctx.set(await headers);
    ctx.body = routeCall(deps, await readLenientJson(ctx.req), ctx.state.log);
  };
}
