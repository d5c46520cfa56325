import Router from "@koa/router";
import type { Context } from "koa";
import type { Deps } from "../deps";
import { runStrategy } from "../auth/passport";
import { LoginThrottle, type ThrottleEvent } from "../auth/login-throttle";
import { auditLoginThrottle } from "../usecases/audit-trail";
import { cookieSecure } from "../config";
import type { Principal } from "../auth/principal";
import { issueToken, revokeToken } from "../auth/sessions";
import { sha256 } from "../auth/secrets";
import { SESSION_COOKIE, currentUser, requireUser } from "../http/auth";
import { Problem, problem, unauthorized } from "../http/problem";
import { body, query } from "../http/validate";
import { loginSchema, oidcStartQuery } from "../contract/auth";
import { presentMe } from "../presenters/user";
import { finishOidcLogin, oidcEnabled, startOidcLogin } from "../auth/oidc";

export function authRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/auth" });

  const throttle = new LoginThrottle(
    {
      freeAttempts: deps.config.LOGIN_FREE_ATTEMPTS,
      ipFailures: deps.config.LOGIN_ADDRESS_FAILURES,
      windowMs: deps.config.LOGIN_WINDOW_MINUTES * 60_000,
      maxDelayMs: deps.config.LOGIN_MAX_DELAY_MINUTES * 60_000,
    },
    () => deps.now().getTime(),
  );

  r.post("/login", async (ctx, next) => {
    const { username } = body(ctx, loginSchema); // validates shape before passport reads it
    const verdict = throttle.check(ctx.ip, username);
    if (!verdict.allowed) throw tooManyAttempts(ctx, verdict.retryAfterMs);
    const { user } = await runStrategy("local", ctx, next);
    if (!user) {
      const events = throttle.fail(ctx.ip, username);
      if (events.length) await auditThrottle(ctx, events);
      // Unknown and known usernames get the same answer (and did the same work).
      throw unauthorized("Invalid username or password").withCode("invalid_credentials");
    }
    throttle.succeed(ctx.ip, username);
    const token = await issueToken(user.id, deps.config.TOKEN_TTL_HOURS);
    setSessionCookie(ctx, token, deps);
    ctx.body = { token, user: presentMe(user) };
  });

  r.post("/logout", requireUser, async (ctx) => {
    const p = currentUser(ctx);
    if (p.tokenHash) await revokeToken(p.tokenHash);
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    if (cookie) await revokeToken(sha256(cookie));
    ctx.cookies.set(SESSION_COOKIE, null);
    ctx.status = 204;
  });

  r.get("/me", requireUser, (ctx) => {
    ctx.body = presentMe(currentUser(ctx) as Principal);
  });

  r.get("/providers", (ctx) => {
    ctx.body = { local: true, oidc: oidcEnabled(deps.config) };
  });

  r.get("/oidc", async (ctx) => {
    if (!oidcEnabled(deps.config)) throw problem(404, "Not found", "OpenID Connect is not configured (OIDC_ISSUER, OIDC_CLIENT_ID)");
    const q = query(ctx, oidcStartQuery);
    ctx.redirect((await startOidcLogin(deps.config, callbackUrl(ctx, deps), q.returnTo)).href);
  });

  r.get("/oidc/callback", async (ctx) => {
    if (!oidcEnabled(deps.config)) throw problem(404, "Not found", "OpenID Connect is not configured");
    let result;
    try {
      result = await finishOidcLogin(deps.config, new URL(publicBase(ctx, deps) + ctx.originalUrl));
    } catch (err) {
      ctx.state.log?.warn({ err: String(err) }, "OIDC login failed");
      throw unauthorized(`Sign-in with the identity provider failed: ${(err as Error).message}`);
    }
    const token = await issueToken(result.principal.id, deps.config.TOKEN_TTL_HOURS);
    setSessionCookie(ctx, token, deps);
    ctx.redirect(result.returnTo);
  });

  return r;
}

function publicBase(ctx: Context, deps: Deps): string {
  // Not ctx.origin: in Koa 3 that can reflect the Origin header.
  return (deps.config.PUBLIC_URL ?? `${ctx.protocol}://${ctx.host}`).replace(/\/$/, "");
}

function callbackUrl(ctx: Context, deps: Deps): string {
  return `${publicBase(ctx, deps)}/api/v1/auth/oidc/callback`;
}

function tooManyAttempts(ctx: Context, retryAfterMs: number): Problem {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  ctx.set("Retry-After", String(seconds));
  return new Problem(429, "Too many login attempts", `Too many failed logins; try again in ${seconds} seconds`, undefined, undefined, {
    code: "login_throttled",
    retryAfterSeconds: seconds,
  });
}

/** Each delay that starts is written to the audit trail for the auditor (never the password). */
async function auditThrottle(ctx: Context, events: ThrottleEvent[]) {
  try {
    await auditLoginThrottle(events);
  } catch (err) {
    ctx.state.log?.warn({ err: String(err) }, "could not audit a login throttle event");
  }
}

export function setSessionCookie(ctx: Context, token: string, deps: Deps) {
  const secure = cookieSecure(deps.config);
  if (secure && !ctx.secure) {
    // A Secure cookie cannot go over plain HTTP (TRUST_PROXY unset, or no TLS proxy in front):
    // the token in the body still works; the start-up log explains the set-up.
    ctx.state.log?.warn("session cookie not set: COOKIE_SECURE is on but this request did not come over HTTPS (see TRUST_PROXY)");
    return;
  }
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    maxAge: deps.config.TOKEN_TTL_HOURS * 3600_000,
    path: "/",
    overwrite: true,
  });
}
