import Router from "@koa/router";
import type { Deps } from "../deps";
import { createApiKey } from "../auth/api-keys";
import { revokeAllTokens } from "../auth/sessions";
import { currentUser, requireRole } from "../http/auth";
import { forbidden, notFound, unprocessable } from "../http/problem";
import { body, query } from "../http/validate";
import { newApiKeySchema, newUserSchema, patchUserSchema, usersQuery } from "../contract/admin";
import { User } from "../models/user";
import { Member } from "../models/member";
import { reindexMember } from "../usecases/members/index-member";
import { escapeRegex } from "../db/escape-regex";
import { presentUser } from "../presenters/user";
import { unitById } from "../reference/units";
import { createUser } from "../usecases/users/create-user";
import { forgetUserSessions } from "../auth/sessions";
import { audit } from "../usecases/audit";

function checkUnit(unitId: string | undefined) {
  if (unitId && !unitById(unitId)) throw unprocessable(`Unknown unit ${unitId}`, [{ path: "body.unitId", code: "unknown_unit", params: { id: unitId }, message: `Unknown unit ${unitId}` }]);
}

export function adminRoutes(_deps: Deps): Router {
  const r = new Router({ prefix: "/admin" });
  r.use(requireRole("admin"));

  r.post("/users", async (ctx) => {
    const input = body(ctx, newUserSchema);
    checkUnit(input.unitId);
    input.scope?.units.forEach(checkUnit);
    const created = await createUser(input, _deps.now());
    await audit(currentUser(ctx), "create", "user", created.id, { roles: input.roles });
    ctx.status = 201;
    ctx.body = created;
  });

  r.get("/users", async (ctx) => {
    const q = query(ctx, usersQuery);
    const filter = q.q ? { $or: [{ username: new RegExp(escapeRegex(q.q), "i") }, { name: new RegExp(escapeRegex(q.q), "i") }] } : {};
    const users = await User.find(filter).sort({ username: 1 }).limit(q.limit);
    ctx.body = { data: users.map(presentUser) };
  });

  r.patch("/users/:id", async (ctx) => {
    const patch = body(ctx, patchUserSchema);
    patch.scope?.units.forEach(checkUnit);
    // Nobody grants themselves a role or a scope (issue 9): another admin does it.
    if (ctx.params.id === currentUser(ctx).id && (patch.roles || patch.scope || patch.unitId || patch.networks))
      throw forbidden("Nobody changes their own roles, scope, unit or networks; ask another admin");
    checkUnit(patch.unitId);
    const user = await User.findByIdAndUpdate(ctx.params.id, { $set: patch }, { returnDocument: "after" });
    if (user) forgetUserSessions(String(user._id)); // new roles, scope or active flag apply at once
    if (!user) throw notFound("User");
    // Deactivation or a role change takes effect at once: end existing sessions.
    if (patch.active === false || patch.roles) await revokeAllTokens(user.id);
    if (user.memberId && (patch.unitId || patch.networks)) {
      await Member.updateOne({ _id: user.memberId }, { $set: { ...(patch.unitId ? { unitId: patch.unitId } : {}), ...(patch.networks ? { networks: patch.networks } : {}) } });
      await reindexMember(_deps, user.memberId); // search, budgets and the helpline roster follow the new unit/networks
    }
    await audit(currentUser(ctx), "update", "user", user.id, patch);
    ctx.body = presentUser(user);
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
