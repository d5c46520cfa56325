import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body } from "../http/validate";
import { poolSchema } from "../contract/pools";
import { listPools } from "../usecases/pools/list-pools";
import { createPool } from "../usecases/pools/create-pool";
import { addPoolMember, removePoolMember } from "../usecases/pools/pool-members";

export function poolRoutes(_deps: Deps): Router {
  const r = new Router({ prefix: "/pools" });
  r.get("/", requireUser, async (ctx) => {
    ctx.body = await listPools(currentUser(ctx));
  });
  r.post("/", requireRole("coordinator", "admin"), async (ctx) => {
    ctx.status = 201;
    ctx.body = await createPool(currentUser(ctx), body(ctx, poolSchema));
  });
  r.post("/:id/members/:memberId", requireRole("coordinator", "admin"), async (ctx) => {
    ctx.body = await addPoolMember(currentUser(ctx), ctx.params.id!, ctx.params.memberId!);
  });
  r.delete("/:id/members/:memberId", requireRole("coordinator", "admin"), async (ctx) => {
    ctx.body = await removePoolMember(currentUser(ctx), ctx.params.id!, ctx.params.memberId!);
  });
  return r;
}
