// ui-views: what the admin screens need beyond admin.ts — API keys listed (never the key itself, with its
// last use) and revoked at once, and a password reset. Admin only; every write audited.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { revokeApiKey } from "../auth/api-keys";
import { revokeAllTokens } from "../auth/sessions";
import { currentUser, requireRole } from "../http/auth";
import { conflict, notFound } from "../http/problem";
import { body } from "../http/validate";
import { resetPasswordSchema } from "../contract/admin";
import { audit } from "../usecases/audit";
import { resetPassword } from "../usecases/users/admin-users";
import { findApiKey, listApiKeys } from "../usecases/users/api-keys";

const iso = (d?: Date | null) => (d ? d.toISOString() : undefined);

export function adminConsoleRoutes(_deps: Deps): Router {
  const r = new Router({ prefix: "/admin" });
  r.use(requireRole("admin"));

  r.get("/api-keys", async (ctx) => {
    const keys = await listApiKeys();
    ctx.body = {
      data: keys.map((k) => ({
        id: String(k._id),
        name: k.name,
        role: k.role,
        createdBy: k.createdBy,
        createdAt: iso(k.createdAt),
        lastUsedAt: iso(k.lastUsedAt),
        revokedAt: iso(k.revokedAt),
      })),
    };
  });

  r.delete("/api-keys/:id", async (ctx) => {
    const key = await findApiKey(ctx.params.id);
    if (!key) throw notFound("API key");
    if (key.revokedAt) throw conflict("This API key is already revoked");
    await revokeApiKey(String(key._id));
    await audit(currentUser(ctx), "revoke", "api-key", String(key._id), { name: key.name });
    ctx.status = 204;
  });

  r.post("/users/:id/reset-password", async (ctx) => {
    const { password } = body(ctx, resetPasswordSchema);
    const user = await resetPassword(ctx.params.id, password);
    if (!user) throw notFound("User");
    await revokeAllTokens(user.id);
    await audit(currentUser(ctx), "reset-password", "user", user.id);
    ctx.status = 204;
  });

  return r;
}
