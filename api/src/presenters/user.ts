import type { Principal } from "../auth/principal";

export function presentMe(p: Principal) {
  return {
    id: p.id,
    name: p.name,
    roles: p.roles,
    unitId: p.unitId,
    networks: p.networks,
    scope: p.scope,
    ...(p.memberId ? { memberId: p.memberId } : {}),
  };
}

interface UserRecord {
  id: string;
  username: string;
  name: string;
  email?: string | null;
  roles: string[];
  unitId: string;
  networks: string[];
  scope?: { units: string[]; networks: string[] } | null;
  active: boolean;
  memberId?: string | null;
  lockedUntil?: Date | null;
}

export function presentUser(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email ?? undefined,
    roles: u.roles,
    unitId: u.unitId,
    networks: u.networks,
    scope: u.scope ?? { units: [], networks: [] },
    active: u.active,
    memberId: u.memberId ?? undefined,
    lockedUntil: u.lockedUntil ?? undefined,
  };
}
