// Korpsregeling versions and impact simulation of a draft.
import Router from "@koa/router";
import { z } from "zod";
import { line } from "../http/input";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body, isoDate, query } from "../http/validate";
import { unitById } from "../reference/units";
import { yearOf } from "../usecases/budgets/compute";
import { createPolicy, listPolicies } from "../usecases/policies/create-policy";
import { simulateDraft } from "../usecases/policies/simulate";

const category = z.enum(["operational", "professionalisation", "network"]);
const quarter = (v: number) => Math.abs(v * 4 - Math.round(v * 4)) < 1e-9;

const policyFields = {
  name: line().max(200).optional(),
  baseHoursPerYear: z.number().min(0).max(2000),
  unitSupplements: z
    .record(z.string().refine((u) => !!unitById(u), { message: "Unknown unit" }), z.number().min(-2000).max(2000))
    .default({}),
  categories: z.array(category).min(1).default(["operational", "professionalisation", "network"]),
  categoryCaps: z.partialRecord(category, z.number().min(0).max(2000)).optional(),
  approvalThresholdHours: z.number().min(0).max(12).refine(quarter, { message: "Must be a multiple of 0.25", params: { code: "not_quarter_hour" } }),
};

const policyBody = z.strictObject({ ...policyFields, effectiveFrom: isoDate });
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

  r.post("/", requireRole("coordinator", "admin"), async (ctx) => {
    const input = body(ctx, policyBody);
    ctx.status = 201;
    ctx.body = await createPolicy(currentUser(ctx), input);
  });

  r.post("/simulate", requireRole("coordinator", "admin"), async (ctx) => {
    const { year, ...draft } = body(ctx, draftBody);
    const now = deps.now();
    ctx.body = await simulateDraft(draft, year ?? yearOf(now), now);
  });

  return r;
}
