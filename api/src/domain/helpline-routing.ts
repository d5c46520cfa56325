// Routing decision for a call to the Roze in Blauw national number. Pure: the caller gathers
// shifts, busy members and routing history; this only decides. It always returns a target.
//
// Order: an on-duty member (shift.start <= now < shift.end), not busy and with a phone, least
// recently routed first (never routed first; ties by memberId); else the RSC of the caller's
// unit; else the national fallback RSC.

import type { Shift } from "./types";

export interface RouteInput {
  now: Date;
  shifts: Pick<Shift, "memberId" | "start" | "end">[];
  busyMemberIds: Set<string>;
  lastRoutedAt: Map<string, Date>;
  members: Map<string, { phone?: string; unitId: string }>;
  callerUnitId?: string;
  rscByUnit: Map<string, string>;
  nationalFallback: { unitId: string; phone: string };
}

export interface RouteDecision {
  action: "member" | "rsc";
  target: { phone: string; unitId?: string; memberId?: string };
  reason: string;
}

/** A shift covers `now` when start <= now < end: at the instant of its end the member is off duty. */
export const isOnDuty = (shift: Pick<Shift, "start" | "end">, now: Date): boolean =>
  shift.start.getTime() <= now.getTime() && now.getTime() < shift.end.getTime();

const byIdOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function decideRoute(input: RouteInput): RouteDecision {
  const { now, shifts, busyMemberIds, lastRoutedAt, members, callerUnitId, rscByUnit, nationalFallback } = input;

  const onDuty = [...new Set(shifts.filter((s) => isOnDuty(s, now)).map((s) => s.memberId))];
  const reachable = onDuty.filter((id) => !busyMemberIds.has(id) && !!members.get(id)?.phone);

  if (reachable.length > 0) {
    const lastMs = (id: string): number => lastRoutedAt.get(id)?.getTime() ?? Number.NEGATIVE_INFINITY;
    reachable.sort((a, b) => lastMs(a) - lastMs(b) || byIdOrder(a, b));
    const memberId = reachable[0]!;
    const m = members.get(memberId)!;
    return {
      action: "member",
      target: { phone: m.phone!, unitId: m.unitId, memberId },
      reason: "on-duty member, least recently routed",
    };
  }

  const why =
    onDuty.length === 0
      ? "no member on duty"
      : onDuty.every((id) => busyMemberIds.has(id))
        ? "all on-duty members busy"
        : "no on-duty member free with a phone number";

  const rsc = callerUnitId ? rscByUnit.get(callerUnitId) : undefined;
  if (callerUnitId && rsc) {
    return {
      action: "rsc",
      target: { phone: rsc, unitId: callerUnitId },
      reason: `${why}: RSC of the caller's region (${callerUnitId})`,
    };
  }
  const where = callerUnitId ? `no RSC known for region ${callerUnitId}` : "region unknown";
  return {
    action: "rsc",
    target: { phone: nationalFallback.phone, unitId: nationalFallback.unitId },
    reason: `${why}; ${where}: national fallback RSC`,
  };
}
