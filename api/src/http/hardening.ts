// Request hygiene before any router or body parser runs (issue 9, findings 8–10):
// - methods outside the ones the API speaks (TRACE, PROPFIND, …) → 405 problem with Allow, not a 500;
// - NUL bytes in the path or query → 400 (they break database regexes and mean nothing here);
// - a state-changing request that carries a body must say `Content-Type: application/json`
//   (UTF-8, the only charset we decode) → otherwise 415; an empty body with another type too;
// - CSRF: a state-changing request authenticated by the session cookie alone must come from our
//   own origin (Origin, else Referer) → otherwise 403. Bearer tokens and API keys are not sent by
//   browsers on their own, so requests carrying them are not cross-site forgeries.
import type { Context, Next } from "koa";
import type { Config } from "../config";
import { Problem, problem } from "./problem";
import { isOwnOrigin } from "./origin";

export const KNOWN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE_RE = /(?:^|;\s*)ndv_session=/;

export interface HardeningOptions {
  config: Pick<Config, "PUBLIC_URL">;
  /** Paths whose body is read leniently by the route itself (the helpline webhook). */
  lenientPaths: ReadonlySet<string>;
}

function isJsonType(type: string): boolean {
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

/** Whether the request is authenticated by the session cookie only (no bearer token, no API key). */
export function cookieOnly(ctx: Context): boolean {
  if (ctx.get("x-api-key") || /^bearer /i.test(ctx.get("authorization"))) return false;
  return SESSION_COOKIE_RE.test(ctx.get("cookie"));
}

export function hardening(opts: HardeningOptions) {
  return async (ctx: Context, next: Next) => {
    if (!(KNOWN_METHODS as readonly string[]).includes(ctx.method)) {
      ctx.set("Allow", KNOWN_METHODS.join(", "));
      throw new Problem(405, "Method not allowed", `The method ${ctx.method.slice(0, 20)} is not supported`, undefined, undefined, {
        code: "method_not_allowed",
      });
    }
    if (/%00|\u0000/.test(ctx.path) || /%00|\u0000/.test(ctx.querystring)) throw problem(400, "Bad request", "NUL characters are not allowed in the address");

    const api = ctx.path.startsWith("/api/");
    if (api && UNSAFE.has(ctx.method)) {
      if (cookieOnly(ctx)) {
        const origin = ctx.get("origin") || undefined;
        const referer = ctx.get("referer") || undefined;
        const facts = { host: ctx.host, protocol: ctx.protocol };
        const ok = origin !== undefined ? isOwnOrigin(origin, opts.config, facts) : isOwnOrigin(referer, opts.config, facts);
        if (!ok)
          throw new Problem(
            403,
            "Cross-site request refused",
            "A change made with the session cookie must come from this service's own pages (Origin or Referer)",
            undefined,
            undefined,
            { code: "csrf_origin" },
          );
      } else if (
        ctx.get("origin") &&
        ctx.path === "/api/v1/auth/login" &&
        !isOwnOrigin(ctx.get("origin"), opts.config, { host: ctx.host, protocol: ctx.protocol })
      ) {
        // Login CSRF: a foreign page must not sign the victim's browser into another account.
        throw new Problem(403, "Cross-site request refused", "Sign in from this service's own pages", undefined, undefined, { code: "csrf_origin" });
      }
      if (!opts.lenientPaths.has(ctx.path)) {
        const contentType = ctx.get("content-type");
        const hasBody = Number(ctx.get("content-length") || 0) > 0 || !!ctx.get("transfer-encoding");
        if (contentType || hasBody) {
          const type = (ctx.request.type || "").toLowerCase();
          const charset = (ctx.request.charset || "utf-8").toLowerCase();
          if (!isJsonType(type)) throw unsupported(`Send the body as application/json (got ${contentType ? contentType.slice(0, 60) : "no content type"})`);
          if (charset !== "utf-8" && charset !== "utf8") throw unsupported(`Only UTF-8 JSON is accepted (got charset ${charset.slice(0, 30)})`);
        }
      }
    }
    await next();
  };
}

const unsupported = (detail: string) => new Problem(415, "Unsupported media type", detail, undefined, undefined, { code: "unsupported_media_type" });
