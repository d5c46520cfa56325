// Shared checks for writing time: the policy in force, closed months, field validation.
import { DateTime } from "luxon";
import { TIME_CATEGORIES } from "../../contract/values";
import { BUDGET_ZONE, policyInForce, validateTimeEntry, type FieldError } from "../../domain/budget";
import { unprocessable } from "../../http/problem";
import { ClosedPeriod } from "../../models/closed-period";
import { loadPolicies } from "../budgets/regulation-data";
import { dayOf } from "../budgets/compute";

export interface EntryRules {
  day: string;
  categories: readonly string[];
  approvalThresholdHours: number;
  closedUntil?: Date;
}

/** The rules that apply to an entry on `date`. Without any policy every entry needs approval. */
export async function rulesFor(date: Date): Promise<EntryRules> {
  const valid = date instanceof Date && !Number.isNaN(date.getTime());
  const day = valid ? dayOf(date) : "";
  const [policies, closed] = await Promise.all([loadPolicies(), valid ? ClosedPeriod.exists({ month: day.slice(0, 7) }) : Promise.resolve(null)]);
  const policy = valid ? policyInForce(policies, date) : undefined;
  return {
    day,
    categories: policy?.categories ?? TIME_CATEGORIES,
    approvalThresholdHours: policy?.approvalThresholdHours ?? 0,
    // A closed month closes every day up to its last day for the validator.
    ...(closed ? { closedUntil: DateTime.fromISO(day, { zone: BUDGET_ZONE }).endOf("month").startOf("day").toJSDate() } : {}),
  };
}

export function assertValid(errors: FieldError[]): void {
  if (errors.length) throw unprocessable(errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
}

export function validate(entry: { date: Date; hours: number; category: string }, rules: EntryRules, now: Date, existingHoursThatDay: number) {
  assertValid(validateTimeEntry(entry, { now, existingHoursThatDay, closedUntil: rules.closedUntil, categories: rules.categories }));
}

export const dayLimitError = (existing: number): FieldError => ({
  path: "hours",
  code: "day_limit",
  params: { maximum: 12, existing },
  message: `at most 12 hours per day (${existing} already logged)`,
});
