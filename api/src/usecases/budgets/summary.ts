// Totals per unit and per network over the members a reviewer may see.
import type { Principal } from "../../auth/principal";
import { round2 } from "../../domain/budget";
import { budgetsInScope } from "./list-budgets";
import type { MemberBudget } from "./compute";
import { DerivedCache, viewerKey } from "./derived-cache";

export interface SummaryRow {
  members: number;
  allotted: number;
  approved: number;
  pending: number;
  committed: number;
  used: number;
  remaining: number;
  over: number; // members with remaining < 0
  alerted: number; // members at 80 % or more
}

const empty = (): SummaryRow => ({ members: 0, allotted: 0, approved: 0, pending: 0, committed: 0, used: 0, remaining: 0, over: 0, alerted: 0 });

function add(row: SummaryRow, b: MemberBudget): void {
  row.members += 1;
  row.allotted += b.allotted;
  row.approved += b.approved;
  row.pending += b.pending;
  row.committed += b.committed;
  row.used += b.used;
  row.remaining += b.remaining;
  if (b.remaining < 0) row.over += 1;
  if (b.alertLevel >= 80) row.alerted += 1;
}

const rounded = (r: SummaryRow): SummaryRow => ({
  ...r,
  allotted: round2(r.allotted),
  approved: round2(r.approved),
  pending: round2(r.pending),
  committed: round2(r.committed),
  used: round2(r.used),
  remaining: round2(r.remaining),
});

export type BudgetSummary = Awaited<ReturnType<typeof computeSummary>>;

const summaries = new DerivedCache<BudgetSummary>(200);

/** The summary, reused while nothing in the budget read model changed (derived-cache.ts). */
export function budgetSummary(actor: Principal, year: number): Promise<BudgetSummary> {
  return summaries.get(`${viewerKey(actor)}|${year}`, () => computeSummary(actor, year));
}

async function computeSummary(actor: Principal, year: number) {
  const budgets = await budgetsInScope(actor, { year });
  const units = new Map<string, SummaryRow>();
  const networks = new Map<string, SummaryRow>();
  const totals = empty();
  for (const b of budgets) {
    add(totals, b);
    add(units.get(b.unitId) ?? units.set(b.unitId, empty()).get(b.unitId)!, b);
    // A member of several networks counts in each; network rows do not add up to the total.
    for (const n of b.networks) add(networks.get(n) ?? networks.set(n, empty()).get(n)!, b);
  }
  const rows = (m: Map<string, SummaryRow>, key: string) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, r]) => ({ [key]: id, ...rounded(r) }));
  return { year, units: rows(units, "unitId"), networks: rows(networks, "networkId"), totals: rounded(totals) };
}
