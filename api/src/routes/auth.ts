import Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { Deps } from "../deps";
import { runStrategy, type LoginFailure } from "../auth/passport";
import type { Principal } from "../auth/principal";
import { issueToken, revokeToken } from "../auth/sessions";
import { sha256 } from "../auth/secrets";
import { SESSION_COOKIE, currentUser, requireUser } from "../http/auth";
import { Problem, problem, unauthorized } from "../http/problem";
import { body, query } from "../http/validate";
import { presentMe } from "../presenters/user";
import { finishOidcLogin, oidcEnabled, startOidcLogin } from "../auth/oidc";

const loginSchema = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function authRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/auth" });

  r.post("/login", async (ctx, next) => {
    body(ctx, loginSchema); // validates shape before passport reads it
    const { user, info } = await runStrategy("local", ctx, next);
    if (!user) {
      const failure = info as LoginFailure | undefined;
      if (failure?.reason === "locked") {
        const seconds = Math.max(1, Math.ceil((failure.until.getTime() - Date.now()) / 1000));
        ctx.set("Retry-After", String(seconds));
        throw new Problem(423, "Account locked", `Too many failed logins; try again after ${failure.until.toISOString()}`, undefined, undefined, {
          lockedUntil: failure.until.toISOString(),
        });
      }
      throw unauthorized("Invalid username or password").withCode("invalid_credentials");
    }
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
    const q = query(ctx, z.object({ returnTo: z.string().max(200).optional() }));
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

export function setSessionCookie(ctx: Context, token: string, deps: Deps) {
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: deps.config.COOKIE_SECURE ?? deps.config.NODE_ENV === "production",
    maxAge: deps.config.TOKEN_TTL_HOURS * 3600_000,
    path: "/",
    overwrite: true,
  });
}
