// Network membership and units are granted, not self-declared (issue 9, finding 1): members ask to
// join a network, coordinators of that network (or admins) decide; units change by admin/coordinator.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden } from "../http/problem";
import { canAskToJoin, canListNetworkRequests } from "../access/memberships";
import { body, query } from "../http/validate";
import { askToJoinSchema as askSchema, changeUnitSchema as unitSchema, decideJoinSchema as decideSchema, networkRequestsQuery } from "../contract/members";
import { askToJoin, changeUnit, decideNetworkRequest, listNetworkRequests, myNetworkRequests } from "../usecases/members/network-requests";

export function membershipRoutes(deps: Deps): Router {
  const r = new Router();

  r.get("/members/me/network-requests", requireUser, async (ctx) => {
    ctx.body = { data: await myNetworkRequests(currentUser(ctx)) };
  });

  r.post("/members/me/network-requests", requireUser, async (ctx) => {
    if (!canAskToJoin(currentUser(ctx))) throw forbidden("Only members with a member profile can ask to join a network");
    const input = body(ctx, askSchema);
    ctx.status = 201;
    ctx.body = await askToJoin(deps, currentUser(ctx), input);
  });

  r.get("/network-requests", requireUser, async (ctx) => {
    const q = query(ctx, networkRequestsQuery);
    ctx.body = { data: await listNetworkRequests(currentUser(ctx), q) };
  });

  for (const decision of ["approve", "reject"] as const)
    r.post(`/network-requests/:id/${decision}`, requireUser, async (ctx) => {
      if (!canListNetworkRequests(currentUser(ctx))) throw forbidden("Join requests are decided by coordinators of that network or an admin");
      const input = body(ctx, decideSchema);
      ctx.body = await decideNetworkRequest(deps, currentUser(ctx), ctx.params.id!, decision, input.reason);
    });

  // Coarse guard here; the use case checks that the coordinator covers both units.
  r.put("/members/:id/unit", requireRole("coordinator", "admin"), async (ctx) => {
    ctx.body = await changeUnit(deps, currentUser(ctx), ctx.params.id!, body(ctx, unitSchema));
  });

  return r;
}
