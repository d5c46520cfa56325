// The korpsregeling in force over time, from approved records (issue 9, finding 2): force-wide
// versions (four eyes, policy-admins) and unit-supplement changes (a coordinator of that unit).
// Pure: the records come in, one full Policy per record comes out, so the budget arithmetic
// (`policyInForce`, `policySegments`) keeps working on complete versions.
import type { PolicyKind } from "../contract/values";
import type { Policy } from "./types";

export interface PolicyEvent extends Policy {
  kind: PolicyKind;
  /** For unit-supplement events: the unit and its new supplement. */
  unitId?: string;
  hours?: number;
  /** Force-wide versions without their own supplements carry the ones in force forward. */
  carrySupplements?: boolean;
  /** When it took effect administratively (approval, or creation); breaks ties on equal effectiveFrom. */
  settledAt: Date;
}

/**
 * Walks the events in order of `effectiveFrom` (then `settledAt`) and returns one complete policy per
 * event: a force-wide version replaces the force-wide fields (and its supplements, unless it carries
 * them forward); a unit change sets one unit's supplement on top of what is in force. Unit changes
 * before the first force-wide version have nothing to apply to and are left out.
 */
export function policyTimeline<E extends PolicyEvent>(events: readonly E[]): (Policy & { source: E })[] {
  const sorted = [...events].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.settledAt.getTime() - b.settledAt.getTime());
  const out: (Policy & { source: E })[] = [];
  let state: Omit<Policy, "id" | "effectiveFrom"> | undefined;
  for (const e of sorted) {
    if (e.kind === "force-wide") {
      state = {
        baseHoursPerYear: e.baseHoursPerYear,
        unitSupplements: e.carrySupplements && state ? { ...state.unitSupplements } : { ...e.unitSupplements },
        categories: [...e.categories],
        ...(e.categoryCaps ? { categoryCaps: { ...e.categoryCaps } } : {}),
        approvalThresholdHours: e.approvalThresholdHours,
      };
    } else {
      if (!state || !e.unitId || typeof e.hours !== "number") continue;
      state = { ...state, unitSupplements: { ...state.unitSupplements, [e.unitId]: e.hours } };
    }
    out.push({ id: e.id, effectiveFrom: e.effectiveFrom, ...state, unitSupplements: { ...state.unitSupplements }, source: e });
  }
  return out;
}
