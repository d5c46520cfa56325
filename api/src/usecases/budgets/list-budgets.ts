// Budgets of the members a reviewer may see, filtered and sorted; also the rows of the CSV export.
import { DateTime } from "luxon";
import type { Principal } from "../../auth/principal";
import { BUDGET_ZONE } from "../../domain/budget";
import { inMemberScope, memberScopeFilter } from "../../access/budgets";
import type { MemberBudget } from "./compute";
import { escapeRegex } from "../../db/escape-regex";
import { budgetReadModel, type ModelMember } from "./read-model";

import { BUDGET_SORTS } from "../../contract/budgets";
export { BUDGET_SORTS };
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

// Collation is the costly part of sorting a thousand rows: strings are ranked once by the collator
// (equal-collating strings share a rank) and rows compare by rank. Rebuilt when an unknown string shows up.
let ranks = new Map<string, number>();
function rankOf(strings: Iterable<string>): Map<string, number> {
  let missing = false;
  for (const x of strings) if (!ranks.has(x)) missing = true;
  if (!missing) return ranks;
  const all = [...new Set([...ranks.keys(), ...strings])].sort(collator.compare);
  const next = new Map<string, number>();
  let rank = 0;
  all.forEach((x, i) => {
    if (i > 0 && collator.compare(all[i - 1]!, x) !== 0) rank++;
    next.set(x, rank);
  });
  return (ranks = next);
}

function sorter(sort: BudgetSort, rows: MemberBudget[]): (a: MemberBudget, b: MemberBudget) => number {
  const desc = sort.startsWith("-");
  const key = (desc ? sort.slice(1) : sort) as "name" | "remaining" | "used" | "allotted" | "pending" | "unit";
  const strings: string[] = [];
  for (const x of rows) strings.push(x.name, x.unitId);
  const r = rankOf(strings);
  const c = (x: string, y: string) => r.get(x)! - r.get(y)!;
  const cmp = (a: MemberBudget, b: MemberBudget): number => {
    if (key === "name") return c(a.name, b.name);
    if (key === "unit") return c(a.unitId, b.unitId) || c(a.name, b.name);
    return a[key] - b[key] || c(a.name, b.name);
  };
  return desc ? (a, b) => cmp(b, a) : cmp;
}

/** yearMembersFilter as a predicate over the read model's members (same rules, no query). */
export function yearMembersPredicate(actor: Principal, q: Omit<BudgetQuery, "sort">): (m: ModelMember) => boolean {
  const start = DateTime.fromObject({ year: q.year, month: 1, day: 1 }, { zone: BUDGET_ZONE }).toJSDate().getTime();
  const end = DateTime.fromObject({ year: q.year + 1, month: 1, day: 1 }, { zone: BUDGET_ZONE })
    .toJSDate()
    .getTime();
  const name = q.q ? new RegExp(escapeRegex(q.q), "i") : undefined;
  return (m) =>
    (!m.hasJoinedAt || m.joinedAt.getTime() < end) &&
    (!m.leftAt || m.leftAt.getTime() > start) &&
    inMemberScope(actor, m) &&
    (!q.unit || m.unitId === q.unit) &&
    (!q.network || m.networks.includes(q.network)) &&
    (!name || name.test(m.name));
}

/** Budgets in scope in no particular order (the summary only adds them up; sorting 10,000 rows is not free). */
export async function budgetsInScope(actor: Principal, q: Omit<BudgetQuery, "sort">): Promise<MemberBudget[]> {
  const keep = yearMembersPredicate(actor, q);
  const members: ModelMember[] = [];
  for (const m of await budgetReadModel.members()) if (keep(m)) members.push(m);
  return budgetReadModel.budgets(members, q.year);
}

/** From the budget read model (read-model.ts): no query per call once it is loaded. */
export async function listBudgets(actor: Principal, q: BudgetQuery): Promise<MemberBudget[]> {
  const budgets = await budgetsInScope(actor, q);
  return budgets.sort(sorter(q.sort ?? "name", budgets));
}
