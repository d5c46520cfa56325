// Who grants network membership and units (issue 9, finding 1). Nobody grants themselves either.
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";
import { coordinatesNetworkOf, coordinatesUnit } from "./scope";

/** Asking to join a network: any human user with a member profile, for themselves only. */
export const canAskToJoin = (p: Principal): boolean => p.kind === "user" && !!p.memberId;

/** Seeing and deciding join requests of a network: its coordinators, or an admin. */
export const coordinatesNetwork = (p: Principal, networkId: string): boolean => hasRole(p, "admin") || coordinatesNetworkOf(p, networkId);

export const canListNetworkRequests = (p: Principal): boolean => hasRole(p, "admin") || (hasRole(p, "coordinator") && p.scope.networks.length > 0);

/** Mongo filter of the join requests a caller may see; null = all (admin). */
export function networkRequestScope(p: Principal): Record<string, unknown> | null {
  if (hasRole(p, "admin")) return null;
  return { networkId: { $in: hasRole(p, "coordinator") ? p.scope.networks : [] } };
}

/** Approving or rejecting: a coordinator of that network (or an admin), never one's own request. */
export function canDecideNetworkRequest(p: Principal, r: { memberId: string; userId: string; networkId: string }): boolean {
  const own = r.userId === p.id || (!!p.memberId && p.memberId === r.memberId);
  return !own && coordinatesNetwork(p, r.networkId);
}

/** Moving a member to another unit: an admin, or a coordinator of both the old and the new unit; never oneself. */
export function canChangeUnit(p: Principal, m: { id: string; userId: string }, from: string, to: string): boolean {
  if (m.userId === p.id || p.memberId === m.id) return false;
  if (hasRole(p, "admin")) return true;
  return coordinatesUnit(p, from) && coordinatesUnit(p, to);
}
