import Router from "@koa/router";
import type { Deps } from "../deps";
import { createApiKey } from "../auth/api-keys";
import { currentUser, requireRole } from "../http/auth";
import { unprocessable } from "../http/problem";
import { body, query } from "../http/validate";
import { newApiKeySchema, newUserSchema, patchUserSchema, usersQuery } from "../contract/admin";
import { presentUser } from "../presenters/user";
import { unitById } from "../reference/units";
import { reindexMember } from "../usecases/members/index-member";
import { createUser } from "../usecases/users/create-user";
import { listUsers } from "../usecases/users/admin-users";
import { updateUser } from "../usecases/users/update-user";
import { audit } from "../usecases/audit";

function checkUnit(unitId: string | undefined) {
  if (unitId && !unitById(unitId))
    throw unprocessable(`Unknown unit ${unitId}`, [{ path: "body.unitId", code: "unknown_unit", params: { id: unitId }, message: `Unknown unit ${unitId}` }]);
}

export function adminRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/admin" });
  r.use(requireRole("admin"));

  r.post("/users", async (ctx) => {
    const input = body(ctx, newUserSchema);
    checkUnit(input.unitId);
    input.scope?.units.forEach(checkUnit);
    const created = await createUser(input, deps.now());
    // At once in search, ranking and name search (the matching snapshot's own sync is a slow safety net).
    if (created.memberId) await reindexMember(deps, created.memberId);
    await audit(currentUser(ctx), "create", "user", created.id, { roles: input.roles });
    ctx.status = 201;
    ctx.body = created;
  });

  r.get("/users", async (ctx) => {
    const q = query(ctx, usersQuery);
    const users = await listUsers(q);
    ctx.body = { data: users.map(presentUser) };
  });

  r.patch("/users/:id", async (ctx) => {
    const patch = body(ctx, patchUserSchema);
    patch.scope?.units.forEach(checkUnit);
    ctx.body = await updateUser(deps, currentUser(ctx), ctx.params.id!, patch, checkUnit);
  });

  r.post("/api-keys", async (ctx) => {
    const input = body(ctx, newApiKeySchema);
    const key = await createApiKey(input.name, input.role, currentUser(ctx).id);
    await audit(currentUser(ctx), "create", "api-key", input.name);
    ctx.status = 201;
    ctx.body = { key, name: input.name, role: input.role };
  });

  return r;
}
