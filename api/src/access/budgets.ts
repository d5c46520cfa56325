// Who may do what with service time: policies, time entries, budgets, overrides, closed periods.
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";
import { coordinatesUnit, coordinatorCovers, coordinatorFilter } from "./scope";

export { coordinatorCovers };

export interface MemberLike {
  id?: string;
  _id?: unknown;
  unitId: string;
  networks?: string[] | null;
}

/** Approving, rejecting, overriding: a coordinator in scope, never for their own entries. */
export function canDecideFor(p: Principal, m: MemberLike): boolean {
  const own = p.memberId !== undefined && p.memberId === String(m.id ?? m._id);
  return !own && coordinatorCovers(p, m);
}

/** Reading a member's entries and budget: the member, a coordinator in scope, or an admin. */
export function canReadBudgetOf(p: Principal, m: MemberLike): boolean {
  const own = p.memberId !== undefined && p.memberId === String(m.id ?? m._id);
  return own || coordinatorCovers(p, m) || hasRole(p, "admin");
}

/** Writing time for a member: the member themselves, or a coordinator in scope. */
export function canLogFor(p: Principal, m: MemberLike): boolean {
  const own = p.memberId !== undefined && p.memberId === String(m.id ?? m._id);
  return own || coordinatorCovers(p, m);
}

/** Budget overviews (lists, summary, export, alerts). Admins see the whole corps. */
export const canReviewBudgets = (p: Principal): boolean => hasRole(p, "coordinator", "admin");

/**
 * The force-wide regulation (issue 9, finding 2): proposed by a policy-admin and approved by a
 * different policy-admin; anyone may read what is in force.
 */
export const canProposePolicy = (p: Principal): boolean => hasRole(p, "policy-admin");
export const canDecidePolicy = (p: Principal, proposal: { createdBy: string }): boolean => hasRole(p, "policy-admin") && proposal.createdBy !== p.id;
/** Withdrawing/rejecting a proposal: any policy-admin, the proposer included. */
export const canRejectPolicy = (p: Principal): boolean => hasRole(p, "policy-admin");
/** Proposals and their outcome: policy-admins, and admins and auditors reading along. */
export const canReadProposals = (p: Principal): boolean => hasRole(p, "policy-admin", "admin", "auditor");
/** A unit's supplement: only a coordinator of that unit. */
export const canSetUnitSupplement = (p: Principal, unitId: string): boolean => coordinatesUnit(p, unitId);
/** Impact simulation of a draft (reads counts only). */
export const canSimulatePolicy = (p: Principal): boolean => hasRole(p, "coordinator", "admin", "policy-admin");

/** Mongo filter for the members a reviewer may see; null = everyone (admin). */
export function memberScopeFilter(p: Principal): Record<string, unknown> | null {
  if (hasRole(p, "admin")) return null;
  if (!hasRole(p, "coordinator")) return { _id: { $in: p.memberId ? [p.memberId] : [] } };
  return coordinatorFilter(p, { networks: true });
}

/** In-memory twin of memberScopeFilter (budget read model): may this reviewer see this member? */
export function inMemberScope(p: Principal, m: MemberLike): boolean {
  if (hasRole(p, "admin")) return true;
  if (!hasRole(p, "coordinator")) return p.memberId !== undefined && p.memberId === String(m.id ?? m._id);
  return coordinatorCovers(p, m);
}
