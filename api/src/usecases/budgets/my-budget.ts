// A member's own budget for a year, with how the allotment was made up.
import type { Principal } from "../../auth/principal";
import { allotment } from "../../domain/budget";
import { notFound } from "../../http/problem";
import { BudgetOverride } from "../../models/budget-override";
import { computeBudgets, loadBudgetMembers } from "./compute";
import { loadPolicies } from "./regulation-data";

export async function budgetOfMember(memberId: string, year: number) {
  const [member] = await loadBudgetMembers({ _id: memberId });
  if (!member) throw notFound("Member");
  const policies = await loadPolicies();
  const overrides = (await BudgetOverride.find({ memberId, year }).lean()).map((o) => ({
    memberId,
    year,
    extraHours: o.extraHours,
    reason: o.reason,
    setBy: o.setBy,
  }));
  const budget = (await computeBudgets([member], year, { policies })).get(memberId)!;
  const { breakdown } = allotment({ policies, member, year, overrides });
  return { year, ...budget, breakdown };
}

export async function myBudget(actor: Principal, year: number) {
  if (!actor.memberId) throw notFound("Member profile");
  return budgetOfMember(actor.memberId, year);
}
