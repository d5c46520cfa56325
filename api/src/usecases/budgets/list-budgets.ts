// Budgets of the members a reviewer may see, filtered and sorted; also the rows of the CSV export.
import { DateTime } from "luxon";
import type { Principal } from "../../auth/principal";
import { BUDGET_ZONE } from "../../domain/budget";
import { memberScopeFilter } from "../../policies/budgets";
import { computeBudgets, loadBudgetMembers, type MemberBudget } from "./compute";
import { escapeRegex } from "../../db/escape-regex";

export const BUDGET_SORTS = ["name", "-name", "remaining", "-remaining", "used", "-used", "allotted", "-allotted", "pending", "-pending", "unit"] as const;
export type BudgetSort = (typeof BUDGET_SORTS)[number];

export interface BudgetQuery {
  year: number;
  unit?: string;
  network?: string;
  q?: string;
  sort?: BudgetSort;
}

/** Members of `year` within the reviewer's scope (members who left before or joined after are out). */
export function yearMembersFilter(actor: Principal, q: Omit<BudgetQuery, "sort">): Record<string, unknown> {
  const start = DateTime.fromObject({ year: q.year, month: 1, day: 1 }, { zone: BUDGET_ZONE }).toJSDate();
  const end = DateTime.fromObject({ year: q.year + 1, month: 1, day: 1 }, { zone: BUDGET_ZONE }).toJSDate();
  const and: Record<string, unknown>[] = [
    { $or: [{ joinedAt: { $lt: end } }, { joinedAt: { $exists: false } }, { joinedAt: null }] },
    { $or: [{ leftAt: { $exists: false } }, { leftAt: null }, { leftAt: { $gt: start } }] },
  ];
  const scope = memberScopeFilter(actor);
  if (scope) and.push(scope);
  if (q.unit) and.push({ unitId: q.unit });
  if (q.network) and.push({ networks: q.network });
  if (q.q) and.push({ name: new RegExp(escapeRegex(q.q), "i") });
  return { $and: and };
}

const collator = new Intl.Collator("nl");

function sorter(sort: BudgetSort): (a: MemberBudget, b: MemberBudget) => number {
  const desc = sort.startsWith("-");
  const key = (desc ? sort.slice(1) : sort) as "name" | "remaining" | "used" | "allotted" | "pending" | "unit";
  const cmp = (a: MemberBudget, b: MemberBudget): number => {
    if (key === "name") return collator.compare(a.name, b.name);
    if (key === "unit") return collator.compare(a.unitId, b.unitId) || collator.compare(a.name, b.name);
    return a[key] - b[key] || collator.compare(a.name, b.name);
  };
  return desc ? (a, b) => cmp(b, a) : cmp;
}

export async function listBudgets(actor: Principal, q: BudgetQuery): Promise<MemberBudget[]> {
  const members = await loadBudgetMembers(yearMembersFilter(actor, q));
  const budgets = await computeBudgets(members, q.year);
  return [...budgets.values()].sort(sorter(q.sort ?? "name"));
}
