// Pools are managed by coordinators; everyone may see that they exist (names and themes, not members).
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";
import { coordinatesUnit } from "./scope";

interface PoolLike {
  unitIds?: string[] | null;
}

export const canListPools = (_p: Principal) => true;
export const canCreatePool = (p: Principal) => hasRole(p, "coordinator", "admin");

/** A national pool (no units) is managed by any coordinator; a regional one by coordinators of one of its units. */
export function canManagePool(p: Principal, pool: PoolLike): boolean {
  if (hasRole(p, "admin")) return true;
  if (!hasRole(p, "coordinator")) return false;
  const units = pool.unitIds ?? [];
  return units.length === 0 || units.some((u) => coordinatesUnit(p, u));
}

export const canSeePoolMembers = (p: Principal, pool: PoolLike) => canManagePool(p, pool);
