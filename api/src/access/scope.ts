// The coordinator scope rule, written once. A coordinator's scope is a list of units and a list of networks
// (Principal.scope). Every "is this in my scope?" question, in memory or as a database filter, goes through here.
//
// - A member, and everything that follows a member (time entries, budgets, budget alerts, profile, pool
//   membership), is in scope through the member's unit OR any of the member's networks: time budgets are
//   reviewed per member, unit and network (DOMAIN.md, job 2), so a Roze in Blauw coordinator reviews RiB
//   members of every unit.
// - A request belongs to a unit and to no network (DOMAIN.md: "requests belong to a unit"), so it is in scope
//   through its unit only. This is deliberate: request texts are operational and may hold citizens' data, and a
//   network coordinator has no business reading another unit's cases. Callers pass a request as `{ unitId }`.
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";

/** What a thing belongs to, as far as scope goes: a unit and, for members and what follows them, networks. */
export interface InScope {
  unitId: string;
  networks?: readonly string[] | null;
}

/** A coordinator of this unit. */
export const coordinatesUnit = (p: Principal, unitId: string): boolean => hasRole(p, "coordinator") && p.scope.units.includes(unitId);

/** A coordinator of this network. */
export const coordinatesNetworkOf = (p: Principal, networkId: string): boolean => hasRole(p, "coordinator") && p.scope.networks.includes(networkId);

/** The rule: a coordinator covers a thing through its unit or any of its networks. */
export function coordinatorCovers(p: Principal, x: InScope): boolean {
  return coordinatesUnit(p, x.unitId) || (x.networks ?? []).some((n) => coordinatesNetworkOf(p, n));
}

const NOTHING = Object.freeze({ _id: { $in: [] } });

/**
 * The database twin of `coordinatorCovers` for a collection with a `unitId` field and, when `networks` is true,
 * a `networks` array field (members, budget alerts). Requests have no networks: pass `{ networks: false }`.
 * Matches nothing for someone who is not a coordinator.
 */
export function coordinatorFilter(p: Principal, fields: { networks: boolean }): Record<string, unknown> {
  if (!hasRole(p, "coordinator")) return { ...NOTHING };
  const byUnit = { unitId: { $in: p.scope.units } };
  return fields.networks ? { $or: [byUnit, { networks: { $in: p.scope.networks } }] } : byUnit;
}
