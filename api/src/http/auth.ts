// Authentication (who is calling) and coarse role checks. Fine-grained rules live in access/.
import type { Context, Next } from "koa";
import type { Role } from "../domain/types";
import type { Principal } from "../auth/principal";
import { principalForToken } from "../auth/sessions";
import { principalForApiKey } from "../auth/api-keys";
import { forbidden, unauthorized } from "./problem";

export const SESSION_COOKIE = "ndv_session";

/** Resolves the caller from an API key, a bearer token or the session cookie; rejects bad credentials. */
export async function authenticate(ctx: Context, next: Next) {
  const apiKey = ctx.get("x-api-key");
  if (apiKey) {
    const machine = await principalForApiKey(apiKey);
    if (!machine) throw unauthorized("Unknown or revoked API key");
    ctx.state.user = machine;
  } else if (/^bearer /i.test(ctx.get("authorization"))) {
    // Read as passport-http-bearer reads it ("Bearer <token>", exactly two parts), without passport's
    // per-request machinery, which cost a measurable share of every API call (issue 11).
    const parts = ctx.get("authorization").split(" ");
    const token = parts.length === 2 && /^bearer$/i.test(parts[0]!) ? parts[1]! : "";
    const user = token ? await principalForToken(token) : null;
    if (!user) throw unauthorized("Invalid, expired or revoked token");
    ctx.state.user = user;
  } else {
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    if (cookie) ctx.state.user = (await principalForToken(cookie)) ?? undefined;
  }
  await next();
}

export function currentUser(ctx: Context): Principal {
  const p = ctx.state.user as Principal | undefined;
  if (!p) throw unauthorized();
  return p;
}

/** Route guard: authenticated, and (when roles are given) holding one of them. */
export function requireRole(...roles: Role[]) {
  return async (ctx: Context, next: Next) => {
    const p = currentUser(ctx);
    if (roles.length && !roles.some((r) => p.roles.includes(r))) throw forbidden(`This needs one of the roles: ${roles.join(", ")}`);
    await next();
  };
}

/** Human users only (machine clients have no business outside their webhook). */
export const requireUser = async (ctx: Context, next: Next) => {
  const p = currentUser(ctx);
  if (p.kind !== "user") throw forbidden("Machine clients may only use their own endpoints");
  await next();
};
