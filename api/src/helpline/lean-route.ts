// The routing webhook's lean path (issue 11): a switch waits for this answer with a caller on the
// line, so `POST /api/v1/helpline/route` with a valid telephony API key is answered by the HTTP server's
// own request handler, before Koa builds a context and walks helmet, the hardening checks, the body
// parser, passport and the ~20 routers. It does what the full path does for this request: the same
// security headers (computed once from the app's helmet options), the same request id and log line, the
// same API-key check, the same lenient body reading and the same use case.
// Anything else (no key, an unknown or revoked key, another role, a query string) goes to Koa, which
// gives the usual answers and problems.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "koa";
import helmet from "koa-helmet";
import type { Deps } from "../deps";
import { principalForApiKey } from "../auth/api-keys";
import { LazyRequestLog, requestIdFor } from "../http/request-log";
import { routeCall } from "../usecases/helpline/route-call";
import { LENIENT_PATHS, readLenientJson } from "./lenient-body";

export const ROUTE_PATH = "/api/v1/helpline/route";

type HelmetOptions = Parameters<typeof helmet>[0];
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

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

/** Wraps the app's handler (`app.callback()`): the webhook's calls with a telephony key are answered here. */
export function withLeanHelplineRoute(deps: Deps, options: HelmetOptions, app: Handler): Handler {
  if (!LENIENT_PATHS.has(ROUTE_PATH)) throw new Error("the webhook's path must be read leniently (lenient-body.ts)");
  let headers: string[] | undefined; // flat [name, value, ...]; until helmet's headers are known, Koa answers
  void helmetHeaders(options).then((h) => (headers = Object.entries({ ...h, "content-type": "application/json; charset=utf-8" }).flat()));
  const logger = deps.logger;

  const answer = async (req: IncomingMessage, res: ServerResponse, key: string, fixed: string[]) => {
    const machine = await principalForApiKey(key);
    if (!machine || !machine.roles.includes("telephony")) return app(req, res);
    const start = performance.now();
    const requestId = requestIdFor(req.headers["x-request-id"]);
    const log = new LazyRequestLog(logger, requestId);
    const json = JSON.stringify(routeCall(deps, await readLenientJson(req), log));
    res.writeHead(200, [...fixed, "x-request-id", requestId, "content-length", String(Buffer.byteLength(json))]);
    res.end(json);
    if (logger.isLevelEnabled("info"))
      log.child().info({ method: "POST", path: ROUTE_PATH, status: 200, ms: Math.round((performance.now() - start) * 10) / 10, user: machine.id }, "request");
  };

  const run = (req: IncomingMessage, res: ServerResponse, key: string, fixed: string[]) =>
    answer(req, res, key, fixed).catch((err) => {
      // Nothing above throws by design; if it does, the full stack answers (or the error is logged).
      logger.error({ err }, "helpline lean path failed");
      if (!res.headersSent) app(req, res);
    });

  return (req, res) => {
    const key = req.headers["x-api-key"];
    if (req.method !== "POST" || req.url !== ROUTE_PATH || typeof key !== "string" || !key || !headers) return app(req, res);
    // A webhook's small body comes in the same read as its headers, but the parser hands it over only
    // after this handler and the microtasks behind it have run; in the check phase it is complete, and
    // readLenientJson takes it without stream events, listeners and a timer.
    setImmediate(run, req, res, key, headers);
  };
}
