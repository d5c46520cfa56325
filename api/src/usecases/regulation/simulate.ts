// What a draft regulation would do to this year's actual usage, per unit, against the versions in
// force. Corps-wide on purpose: the regulation is corps-wide, and only counts leave the server.
import { DateTime } from "luxon";
import type { Policy, TimeEntry as DomainEntry, MemberOverride } from "../../domain/types";
import { BUDGET_ZONE, policyInForce, simulatePolicy } from "../../domain/budget";
import { BudgetOverride } from "../../models/budget-override";
import { loadBudgetMembers, usageFor } from "../budgets/compute";
import { loadPolicies } from "../budgets/regulation-data";
import { presentPolicy } from "../../presenters/regulation";
import type { PolicyInput } from "./versions";

export async function simulateDraft(draftInput: Omit<PolicyInput, "effectiveFrom"> & { effectiveFrom?: Date }, year: number, now: Date) {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: BUDGET_ZONE }).toJSDate();
  const end = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone: BUDGET_ZONE }).toJSDate();
  // Without a date the draft is tested as if it had applied the whole year.
  const draft: Policy = { ...draftInput, id: "draft", effectiveFrom: draftInput.effectiveFrom ?? start };
  const [current, members, rows, overrideDocs] = await Promise.all([
    loadPolicies(),
    loadBudgetMembers({
      $and: [
        { $or: [{ joinedAt: { $lt: end } }, { joinedAt: { $exists: false } }, { joinedAt: null }] },
        { $or: [{ leftAt: { $exists: false } }, { leftAt: null }, { leftAt: { $gt: start } }] },
      ],
    }),
    usageFor([], year, { all: true }),
    BudgetOverride.find({ year }).lean(),
  ]);
  // Sums stand in for the entries: the simulation only adds hours of the year up.
  const entriesByMember = new Map<string, DomainEntry[]>([...rows].map(([id, u]) => [id, u.entries]));
  const overrides: MemberOverride[] = overrideDocs.map((o) => ({
    memberId: o.memberId,
    year: o.year,
    extraHours: o.extraHours,
    reason: o.reason,
    setBy: o.setBy,
  }));
  const result = simulatePolicy({ draft, current, members, entriesByMember, year, now, overrides });
  const inForce = policyInForce(current, now);
  return {
    year,
    draft: { ...draftInput, effectiveFrom: draft.effectiveFrom.toISOString() },
    policyInForce: inForce ? presentPolicy(current.find((p) => p.id === inForce.id)!) : null,
    ...result,
  };
}
