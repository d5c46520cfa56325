// Who may do what with a request. Case text is operational: requester, assignee and coordinators in scope.
// A request is in a coordinator's scope through its unit only, deliberately (policies/scope.ts says why).
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";
import { coordinatesUnit, coordinatorFilter } from "./scope";

export { coordinatesUnit };

interface RequestLike {
  requesterId: string;
  assigneeMemberId?: string | null;
  unitId: string;
  status: string;
}

export const isRequester = (p: Principal, r: RequestLike) => p.id === r.requesterId;
export const isAssignee = (p: Principal, r: RequestLike) => !!p.memberId && p.memberId === r.assigneeMemberId;

export function canReadRequest(p: Principal, r: RequestLike): boolean {
  return isRequester(p, r) || isAssignee(p, r) || coordinatesUnit(p, r.unitId);
}

/** Pseudonymous candidate cards: the requester and coordinators in scope. */
export function canSeeCandidates(p: Principal, r: RequestLike): boolean {
  return isRequester(p, r) || coordinatesUnit(p, r.unitId);
}

export function canCancelRequest(p: Principal, r: RequestLike): boolean {
  return isRequester(p, r) || coordinatesUnit(p, r.unitId);
}

export function canCompleteRequest(p: Principal, r: RequestLike): boolean {
  return isAssignee(p, r);
}

/** The assignee's name and contact: only once the request is accepted, to the requester and coordinators in scope. */
export function canSeeAssigneeContact(p: Principal, r: RequestLike): boolean {
  if (r.status !== "accepted" && r.status !== "completed") return false;
  return isRequester(p, r) || isAssignee(p, r) || coordinatesUnit(p, r.unitId);
}

/** The requester's name and contact: to the assignee, once the request is accepted (that is the point of accepting). */
export function canSeeRequesterContact(p: Principal, r: RequestLike): boolean {
  return (r.status === "accepted" || r.status === "completed") && isAssignee(p, r);
}

/** Changing the question's text, or asking to escalate now: the requester, while the request is open. */
export function canEditRequest(p: Principal, r: RequestLike): boolean {
  return isRequester(p, r) && (r.status === "open" || r.status === "offered");
}

/** Escalating now ("zoek nu landelijk"): the requester or a coordinator in scope. */
export function canEscalateRequest(p: Principal, r: RequestLike): boolean {
  return isRequester(p, r) || coordinatesUnit(p, r.unitId);
}

/** Mongo filter of the requests a principal may list beyond their own. */
export function requestScopeFilter(p: Principal): Record<string, unknown> | null {
  if (!hasRole(p, "coordinator") || p.scope.units.length === 0) return null;
  return coordinatorFilter(p, { networks: false });
}
