// May this member take on this request within their service-time budget? Used by the request
// core loop when an offer is accepted, and (through remainingHoursFor) to rank candidates.
import type { Deps } from "../../deps";
import type { Urgency } from "../../contract/values";
import { URGENCY_RULES } from "../../domain/urgency";
import { Problem } from "../../http/problem";
import { BudgetOverride } from "../../models/budget-override";
import { yearOf } from "./compute";
import { budgetReadModel } from "./read-model";

export const OVER_BUDGET_TYPE = "https://ndv.politie.example/problems/over-budget";

export interface GateRequest {
  id: string;
  estimatedHours: number;
  urgency: Urgency;
}

export interface GateResult {
  allowed: boolean;
  flagged: boolean;
  remaining: number;
  reason?: string;
}

/** Remaining hours this year per member (members not found are left out), from the budget read model. */
export async function remainingHoursFor(memberIds: string[], now: Date, excludeRequestIds: string[] = []): Promise<Map<string, number>> {
  const members = [];
  for (const id of new Set(memberIds)) {
    const m = await budgetReadModel.member(id);
    if (m) members.push(m);
  }
  const budgets = await budgetReadModel.budgets(members, yearOf(now), excludeRequestIds);
  return new Map(budgets.map((b) => [b.memberId, b.remaining]));
}

export async function budgetGate(deps: Deps, memberId: string, request: GateRequest): Promise<GateResult> {
  const now = deps.now();
  // The request itself is not committed yet while it is being accepted.
  const remaining = (await remainingHoursFor([memberId], now, [request.id])).get(memberId) ?? 0;
  if (request.estimatedHours <= remaining + 1e-9) return { allowed: true, flagged: false, remaining };
  if (URGENCY_RULES[request.urgency].mayExceedBudget) {
    return { allowed: true, flagged: true, remaining, reason: `${request.urgency} request accepted over budget; flagged for review` };
  }
  const override = await BudgetOverride.exists({
    memberId,
    year: yearOf(now),
    extraHours: { $gte: 0 },
    $or: [{ requestId: { $exists: false } }, { requestId: null }, { requestId: request.id }],
  });
  if (override) return { allowed: true, flagged: true, remaining, reason: "accepted over budget under a coordinator override" };
  return { allowed: false, flagged: false, remaining, reason: `needs ${request.estimatedHours} h, ${remaining} h remaining` };
}

export function overBudgetProblem(remaining: number, needed: number): Problem {
  return new Problem(
    409,
    "Over budget",
    `This request needs ${needed} h but only ${remaining} h of service time remain this year. A coordinator can grant an override.`,
    undefined,
    OVER_BUDGET_TYPE,
    { remaining, needed, code: "budget_exceeded" },
  );
}
