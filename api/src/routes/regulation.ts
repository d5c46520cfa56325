// Korpsregeling versions and impact simulation of a draft.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden } from "../http/problem";
import { canSimulatePolicy } from "../access/budgets";
import { body, query } from "../http/validate";
import {
  decisionSchema as decisionBody,
  draftSchema as draftBody,
  noQuery,
  proposalSchema as proposalBody,
  proposalsQuery,
  supplementSchema as supplementBody,
} from "../contract/regulation";
import { yearOf } from "../usecases/budgets/compute";
import { decidePolicy, listPolicies, listProposals, proposePolicy, setUnitSupplement } from "../usecases/regulation/versions";
import { simulateDraft } from "../usecases/regulation/simulate";

export function policyRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/policies" });

  // The regulation is not secret: everyone it applies to may read it.
  r.get("/", requireUser, async (ctx) => {
    query(ctx, noQuery);
    ctx.body = { data: await listPolicies() };
  });

  // Force-wide: a policy-admin proposes (status "proposed"), a different policy-admin approves.
  r.post("/", requireRole("policy-admin"), async (ctx) => {
    const input = body(ctx, proposalBody);
    ctx.status = 201;
    ctx.body = await proposePolicy(currentUser(ctx), input, deps.now());
  });

  r.get("/proposals", requireUser, async (ctx) => {
    const q = query(ctx, proposalsQuery);
    ctx.body = { data: await listProposals(currentUser(ctx), q.status) };
  });

  for (const decision of ["approve", "reject"] as const)
    r.post(`/:id/${decision}`, requireRole("policy-admin"), async (ctx) => {
      const input = body(ctx, decisionBody);
      ctx.body = await decidePolicy(currentUser(ctx), ctx.params.id!, decision, deps.now(), input.reason);
    });

  // A unit's supplement: a coordinator of that unit, in force from effectiveFrom (today or later).
  r.post("/unit-supplements", requireRole("coordinator"), async (ctx) => {
    const input = body(ctx, supplementBody);
    ctx.status = 201;
    ctx.body = await setUnitSupplement(currentUser(ctx), input, deps.now());
  });

  r.post("/simulate", requireUser, async (ctx) => {
    if (!canSimulatePolicy(currentUser(ctx))) throw forbidden("This needs one of the roles: coordinator, admin, policy-admin");
    const { year, ...draft } = body(ctx, draftBody);
    const now = deps.now();
    ctx.body = await simulateDraft(draft, year ?? yearOf(now), now);
  });

  return r;
}
