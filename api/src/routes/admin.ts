import Router from "@koa/router";
import { z } from "zod";
import { HUMAN_ROLES } from "../contract/values";
import { line } from "../http/input";
import type { Deps } from "../deps";
import { createApiKey } from "../auth/api-keys";
import { revokeAllTokens } from "../auth/sessions";
import { currentUser, requireRole } from "../http/auth";
import { forbidden, notFound, unprocessable } from "../http/problem";
import { body, query } from "../http/validate";
import { User } from "../models/user";
import { Member } from "../models/member";
import { reindexMember } from "../usecases/members/index-member";
import { escapeRegex } from "../db/escape-regex";
import { presentUser } from "../presenters/user";
import { unitById } from "../reference/units";
import { createUser } from "../usecases/users/create-user";
import { forgetUserSessions } from "../auth/sessions";
import { audit } from "../usecases/audit";

const scopeSchema = z.strictObject({ units: z.array(z.string()).default([]), networks: z.array(z.string()).default([]) });

const newUserSchema = z.strictObject({
  username: z.string().min(2).max(64).regex(/^[a-zA-Z0-9._-]+$/, "Letters, digits, dot, dash and underscore only"),
  password: z.string().min(8, "At least 8 characters").max(200),
  name: line().trim().min(1).max(200),
  email: z.email().optional(),
  phone: line().max(40).optional(),
  roles: z.array(z.enum(HUMAN_ROLES)).min(1),
  unitId: z.string(),
  networks: z.array(z.string()).optional(),
  scope: scopeSchema.optional(),
});

const patchUserSchema = z.strictObject({
  roles: z.array(z.enum(HUMAN_ROLES)).min(1).optional(),
  scope: scopeSchema.optional(),
  active: z.boolean().optional(),
  name: line().trim().min(1).max(200).optional(),
  // ui-views: the admin screen moves a user to another unit and sets their networks.
  unitId: z.string().min(1).max(64).optional(),
  networks: z.array(z.string().min(1).max(64)).max(20).optional(),
});

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
    const q = query(ctx, z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }));
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
    const input = body(ctx, z.strictObject({ name: line().trim().min(1).max(100), role: z.literal("telephony") }));
    const key = await createApiKey(input.name, input.role, currentUser(ctx).id);
    await audit(currentUser(ctx), "create", "api-key", input.name);
    ctx.status = 201;
    ctx.body = { key, name: input.name, role: input.role };
  });

  return r;
}
