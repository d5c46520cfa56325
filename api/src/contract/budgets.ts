// Budget review: per member, summary, CSV export, alerts, overrides, closed months.
import { z } from "zod";
import { text } from "../http/input";
import { Id, IsoDateTime, listOf, yearQuery } from "./common";

export const BUDGET_SORTS = ["name", "-name", "remaining", "-remaining", "used", "-used", "allotted", "-allotted", "pending", "-pending", "unit"] as const;

const year = yearQuery.optional();
export const budgetListQuery = z.object({
  year,
  unit: z.string().max(64).optional(),
  network: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(BUDGET_SORTS).optional(),
});
export const yearOnlyQuery = z.object({ year });
export const exportQuery = budgetListQuery.extend({
  delimiter: z.enum(["comma", "semicolon"]).default("comma"),
  format: z.enum(["machine", "nl"]).default("machine"),
});
export const alertsQuery = z.object({ year, all: z.enum(["1", "0", "true", "false"]).optional() });
export const overrideSchema = z.strictObject({
  memberId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100).optional(),
  extraHours: z.number().min(-2000).max(2000).default(0),
  reason: text().trim().min(3, "Give a reason").max(500),
  requestId: z.string().min(1).max(64).optional(),
});
export const overridesQuery = z.object({ memberId: z.string().min(1).max(64), year });
export const closeMonthSchema = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Expected YYYY-MM") });

// ---- out
const CategoryUse = z.looseObject({});
const BudgetFigures = {
  allotted: z.number(),
  approved: z.number(),
  pending: z.number(),
  committed: z.number(),
  remaining: z.number(),
  used: z.number(),
  byCategory: z.record(z.string(), CategoryUse),
  overCaps: z.array(z.string()),
};
export const MemberBudget = z.object({
  memberId: z.string(),
  name: z.string(),
  unitId: z.string(),
  networks: z.array(z.string()),
  alertLevel: z.union([z.literal(0), z.literal(80), z.literal(100)]),
  ...BudgetFigures,
});
export const BudgetList = z.object({ year: z.number().int(), data: z.array(MemberBudget) });
export const OwnBudget = z.looseObject({ year: z.number().int(), ...BudgetFigures, breakdown: z.array(z.looseObject({ hours: z.number() })) });
const SummaryRow = z.looseObject({
  members: z.number().int(),
  allotted: z.number(),
  approved: z.number(),
  pending: z.number(),
  committed: z.number(),
  used: z.number(),
  remaining: z.number(),
  over: z.number().int(),
  alerted: z.number().int(),
});
export const BudgetSummary = z.object({ year: z.number().int(), units: z.array(SummaryRow), networks: z.array(SummaryRow), totals: SummaryRow });
export const BudgetAlert = z.object({
  id: Id,
  memberId: z.string(),
  name: z.string().optional(),
  year: z.number().int(),
  level: z.number().int(),
  unitId: z.string(),
  networks: z.array(z.string()),
  allotted: z.number(),
  used: z.number(),
  raisedAt: IsoDateTime.optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: IsoDateTime.optional(),
});
export const BudgetAlertList = listOf(BudgetAlert);
export const Override = z.object({
  id: Id,
  memberId: z.string(),
  year: z.number().int(),
  extraHours: z.number(),
  reason: z.string(),
  requestId: z.string().optional(),
  setBy: z.string(),
  createdAt: IsoDateTime.optional(),
});
export const OverrideList = listOf(Override);
export const ClosedMonth = z.object({ month: z.string(), closedBy: z.string(), closedAt: IsoDateTime.optional() });
export const ClosedMonthList = listOf(ClosedMonth);
