// Raises 80 % / 100 % budget alerts: a queue item for coordinators and a `budget:alert` event.
import type { Deps } from "../../deps";
import { BudgetAlert } from "../../models/budget-alert";
import { yearOf } from "./compute";
import { budgetReadModel } from "./read-model";

/**
 * Checks the member's budget for `year` (default: now) and raises any newly reached level once. Runs
 * after each logged or edited entry, so it reads the budget read model (which the entry's totals just
 * moved) instead of querying totals, requests and overrides by member: scans on the embedded store.
 */
export async function checkBudgetAlerts(deps: Deps, memberId: string, year = yearOf(deps.now())): Promise<(80 | 100)[]> {
  const member = await budgetReadModel.member(memberId);
  if (!member) return [];
  const [budget] = await budgetReadModel.budgets([member], year);
  if (!budget) return [];
  const raised: (80 | 100)[] = [];
  for (const level of [80, 100] as const) {
    if (budget.alertLevel < level) continue;
    try {
      // The unique index (member, year, level) makes the alert once-only under concurrency.
      await BudgetAlert.create({ memberId, year, level, unitId: member.unitId, networks: member.networks, allotted: budget.allotted, used: budget.used });
      raised.push(level);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  if (raised.length) {
    const level = Math.max(...raised);
    deps.notifier.emit({ members: [memberId], scope: { unitId: member.unitId, networks: member.networks } }, "budget:alert", {
      memberId,
      name: member.name,
      year,
      level,
      allotted: budget.allotted,
      used: budget.used,
      remaining: budget.remaining,
    });
  }
  return raised;
}
