// Who may read member profiles. Expertise can reveal special-category data (GDPR art. 9).
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";
import { coordinatorCovers } from "./scope";

interface MemberLike {
  id: string;
  unitId: string;
  networks?: string[] | null;
}

/** A coordinator in scope of this member (policies/scope.ts: unit or network). */
export const coordinatesMember = (p: Principal, m: MemberLike): boolean => coordinatorCovers(p, m);

/** `acceptedForCaller`: the member accepted a request the caller made (checked by the use case). */
export function canReadMember(p: Principal, m: MemberLike, acceptedForCaller: boolean): boolean {
  return p.memberId === m.id || coordinatesMember(p, m) || acceptedForCaller;
}

export const canSearchMembers = (p: Principal) => hasRole(p, "coordinator");
