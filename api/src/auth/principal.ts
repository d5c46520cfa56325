// The authenticated caller as the rest of the code sees it.
import type { Role, Scope } from "../domain/types";

export interface Principal {
  id: string;
  kind: "user" | "machine";
  name: string;
  roles: Role[];
  unitId?: string;
  networks: string[];
  scope: Scope;
  memberId?: string;
  tokenHash?: string;
}

interface UserLike {
  id: string;
  name: string;
  roles: string[];
  unitId: string;
  networks?: string[];
  scope?: { units?: string[]; networks?: string[] } | null;
  memberId?: string | null;
}

export function principalFromUser(u: UserLike, tokenHash?: string): Principal {
  // Every authenticated employee may request expertise.
  const roles = Array.from(new Set<Role>(["requester", ...(u.roles as Role[])]));
  return {
    id: u.id,
    kind: "user",
    name: u.name,
    roles,
    unitId: u.unitId,
    networks: u.networks ?? [],
    scope: { units: u.scope?.units ?? [], networks: u.scope?.networks ?? [] },
    memberId: u.memberId ?? undefined,
    tokenHash,
  };
}

export const hasRole = (p: Principal | undefined, ...roles: Role[]) => !!p && roles.some((r) => p.roles.includes(r));
