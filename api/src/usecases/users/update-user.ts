// An admin changes a user: roles, scope, active, unit, networks, name and contact. The user is the source
// of name and contact; the member profile's copy follows in the same write (person.ts), so a rename shows
// at once on the member, in the directory and on the helpline roster.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { forbidden, notFound } from "../../http/problem";
import { User } from "../../models/user";
import { forgetUserSessions, revokeAllTokens } from "../../auth/sessions";
import { presentUser } from "../../presenters/user";
import { syncMemberPerson } from "./person";

export type UserPatch = {
  roles?: string[];
  scope?: { units: string[]; networks: string[] };
  active?: boolean;
  name?: string;
  email?: string;
  phone?: string;
  unitId?: string;
  networks?: string[];
};

/** `checkUnit` refuses an unknown unit (after the self-grant check, which answers first). */
export async function updateUser(deps: Deps, actor: Principal, id: string, patch: UserPatch, checkUnit: (unitId?: string) => void) {
  // Nobody grants themselves a role or a scope (issue 9): another admin does it.
  if (id === actor.id && (patch.roles || patch.scope || patch.unitId || patch.networks))
    throw forbidden("Nobody changes their own roles, scope, unit or networks; ask another admin");
  checkUnit(patch.unitId);
  const user = await User.findByIdAndUpdate(id, { $set: patch }, { returnDocument: "after" });
  if (user) forgetUserSessions(String(user._id)); // new roles, scope, name or active flag apply at once
  if (!user) throw notFound("User");
  // Deactivation or a role change takes effect at once: end existing sessions.
  if (patch.active === false || patch.roles) await revokeAllTokens(user.id);
  const memberFields = patch.name !== undefined || patch.email !== undefined || patch.phone !== undefined || patch.unitId || patch.networks;
  if (user.memberId && memberFields) {
    const grants = { ...(patch.unitId ? { unitId: patch.unitId } : {}), ...(patch.networks ? { networks: patch.networks } : {}) };
    await syncMemberPerson(deps, user.memberId, user, grants);
  }
  deps.events.publish({ type: "user.updated", actor, userId: user.id, ...(user.memberId ? { memberId: user.memberId } : {}), changes: patch });
  return presentUser(user);
}
