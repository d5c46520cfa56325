// Who may read member profiles. Expertise can reveal special-category data (GDPR art. 9).
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";

interface MemberLike {
  id: string;
  unitId: string;
  networks?: string[] | null;
}

export function coordinatesMember(p: Principal, m: MemberLike): boolean {
  if (!hasRole(p, "coordinator")) return false;
  return p.scope.units.includes(m.unitId) || (m.networks ?? []).some((n) => p.scope.networks.includes(n));
}

/** `acceptedForCaller`: the member accepted a request the caller made (checked by the use case). */
export function canReadMember(p: Principal, m: MemberLike, acceptedForCaller: boolean): boolean {
  return p.memberId === m.id || coordinatesMember(p, m) || acceptedForCaller;
}

export const canSearchMembers = (p: Principal) => hasRole(p, "coordinator");

/** Mongo/search scope of the directory for a coordinator: their units or networks. */
export function memberScopeFilter(p: Principal): Record<string, unknown> {
  return { $or: [{ unitId: { $in: p.scope.units } }, { networks: { $in: p.scope.networks } }] };
}
