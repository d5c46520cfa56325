// The korpsregeling: versions, force-wide proposals (four eyes), unit supplements, impact simulation.
import { z } from "zod";
import { line } from "../http/input";
import { isoDate } from "../http/validate";
import { unitById } from "../reference/units";
import { POLICY_KINDS, POLICY_STATUSES, TIME_CATEGORIES } from "./values";
import { Id, IsoDateTime, listOf } from "./common";

const category = z.enum(TIME_CATEGORIES);
const quarter = (v: number) => Math.abs(v * 4 - Math.round(v * 4)) < 1e-9;

const policyFields = {
  name: line().max(200).optional(),
  baseHoursPerYear: z.number().min(0).max(2000),
  unitSupplements: z
    .record(
      z.string().refine((u) => !!unitById(u), { message: "Unknown unit" }),
      z.number().min(-2000).max(2000),
    )
    .default({}),
  categories: z
    .array(category)
    .min(1)
    .default([...TIME_CATEGORIES]),
  categoryCaps: z.partialRecord(category, z.number().min(0).max(2000)).optional(),
  approvalThresholdHours: z
    .number()
    .min(0)
    .max(12)
    .refine(quarter, { message: "Must be a multiple of 0.25", params: { code: "not_quarter_hour" } }),
};

const reason = z.string().trim().min(5, "Give a reason (at least 5 characters)").max(1000);
/** A force-wide proposal: without unitSupplements the supplements in force are carried forward. */
export const proposalSchema = z.strictObject({
  ...policyFields,
  unitSupplements: policyFields.unitSupplements.unwrap().optional(),
  effectiveFrom: isoDate,
  reason,
});
export const supplementSchema = z.strictObject({
  unitId: z
    .string()
    .min(1)
    .max(64)
    .refine((u) => !!unitById(u), { message: "Unknown unit" }),
  hours: z.number().min(-2000).max(2000).refine(quarter, "Must be a multiple of 0.25"),
  effectiveFrom: isoDate,
  reason,
});
export const decisionSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const draftSchema = z.strictObject({
  ...policyFields,
  effectiveFrom: isoDate.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export const proposalsQuery = z.object({ status: z.enum(POLICY_STATUSES).optional() });
export const noQuery = z.object({});

export const PolicyView = z.object({
  id: Id,
  name: z.string().optional(),
  kind: z.enum(POLICY_KINDS),
  status: z.enum(POLICY_STATUSES),
  effectiveFrom: IsoDateTime,
  baseHoursPerYear: z.number(),
  unitSupplements: z.record(z.string(), z.number()),
  categories: z.array(category),
  categoryCaps: z.record(z.string(), z.number()).optional(),
  approvalThresholdHours: z.number(),
  unitId: z.string().optional(),
  hours: z.number().optional(),
  carrySupplements: z.boolean().optional(),
  reason: z.string().optional(),
  createdBy: z.string(),
  createdAt: IsoDateTime.optional(),
  decidedBy: z.string().optional(),
  decidedAt: IsoDateTime.optional(),
  decisionReason: z.string().optional(),
});
export const PolicyList = listOf(PolicyView);

const SimulationRow = {
  members: z.number().int(),
  over: z.number().int(),
  under: z.number().int(),
  totalGranted: z.number(),
  totalGrantedCurrent: z.number(),
  delta: z.number(),
  overCurrent: z.number().int(),
  underCurrent: z.number().int(),
};
export const SimulationView = z.looseObject({
  year: z.number().int(),
  draft: z.looseObject({ effectiveFrom: IsoDateTime }),
  policyInForce: PolicyView.nullable(),
  units: z.array(z.looseObject({ unitId: z.string(), ...SimulationRow })),
  totals: z.looseObject(SimulationRow),
});
