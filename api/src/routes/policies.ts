// Korpsregeling versions and impact simulation of a draft.
import Router from "@koa/router";
import { z } from "zod";
import { POLICY_STATUSES, TIME_CATEGORIES } from "../contract/values";
import { line } from "../http/input";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden } from "../http/problem";
import { canSimulatePolicy } from "../policies/budgets";
import { body, isoDate, query } from "../http/validate";
import { unitById } from "../reference/units";
import { yearOf } from "../usecases/budgets/compute";
import { decidePolicy, listPolicies, listProposals, proposePolicy, setUnitSupplement } from "../usecases/policies/create-policy";
import { simulateDraft } from "../usecases/policies/simulate";

const category = z.enum(TIME_CATEGORIES);
const quarter = (v: number) => Math.abs(v * 4 - Math.round(v * 4)) < 1e-9;

const policyFields = {
  name: line().max(200).optional(),
  baseHoursPerYear: z.number().min(0).max(2000),
  unitSupplements: z
    .record(z.string().refine((u) => !!unitById(u), { message: "Unknown unit" }), z.number().min(-2000).max(2000))
    .default({}),
  categories: z.array(category).min(1).default(() => [...TIME_CATEGORIES]),
  categoryCaps: z.partialRecord(category, z.number().min(0).max(2000)).optional(),
  approvalThresholdHours: z.number().min(0).max(12).refine(quarter, { message: "Must be a multiple of 0.25", params: { code: "not_quarter_hour" } }),
};

const reason = z.string().trim().min(5, "Give a reason (at least 5 characters)").max(1000);
// A force-wide proposal: without unitSupplements the supplements in force are carried forward.
const proposalBody = z.strictObject({ ...policyFields, unitSupplements: policyFields.unitSupplements.unwrap().optional(), effectiveFrom: isoDate, reason });
const supplementBody = z.strictObject({
  unitId: z.string().min(1).max(64).refine((u) => !!unitById(u), { message: "Unknown unit" }),
  hours: z.number().min(-2000).max(2000).refine(quarter, "Must be a multiple of 0.25"),
  effectiveFrom: isoDate,
  reason,
});
const decisionBody = z.strictObject({ reason: z.string().trim().max(1000).optional() });
const draftBody = z.strictObject({
  ...policyFields,
  effectiveFrom: isoDate.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});

export function policyRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/policies" });

  // The regulation is not secret: everyone it applies to may read it.
  r.get("/", requireUser, async (ctx) => {
    query(ctx, z.object({}));
    ctx.body = { data: await listPolicies() };
  });

  // Force-wide: a policy-admin proposes (status "proposed"), a different policy-admin approves.
  r.post("/", requireRole("policy-admin"), async (ctx) => {
    const input = body(ctx, proposalBody);
    ctx.status = 201;
    ctx.body = await proposePolicy(currentUser(ctx), input, deps.now());
  });

  r.get("/proposals", requireUser, async (ctx) => {
    const q = query(ctx, z.object({ status: z.enum(POLICY_STATUSES).optional() }));
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
