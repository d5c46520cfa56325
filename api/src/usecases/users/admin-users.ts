// The admin screens' user queries and writes (routes/admin.ts, routes/admin-console.ts); the routes
// keep validation, the self-grant rule, session revocation and the audit lines.
import { isValidObjectId } from "mongoose";
import type { Role } from "../../domain/types";
import { hashPassword } from "../../auth/secrets";
import { escapeRegex } from "../../db/escape-regex";
import { Member } from "../../models/member";
import { User } from "../../models/user";

export interface UserPatch {
  roles?: Role[];
  scope?: { units: string[]; networks: string[] };
  active?: boolean;
  name?: string;
  unitId?: string;
  networks?: string[];
}

/** Users whose username or name contains `q` (case-insensitive), by username. */
export async function listUsers(q: { q?: string; limit: number }) {
  const filter = q.q ? { $or: [{ username: new RegExp(escapeRegex(q.q), "i") }, { name: new RegExp(escapeRegex(q.q), "i") }] } : {};
  return User.find(filter).sort({ username: 1 }).limit(q.limit);
}

/** The updated user, or null when there is none with that id. */
export async function updateUser(id: string, patch: UserPatch) {
  return User.findByIdAndUpdate(id, { $set: patch }, { returnDocument: "after" });
}

/** Moves a user's member profile along with the user's unit and networks. */
export async function placeMember(memberId: string, patch: Pick<UserPatch, "unitId" | "networks">) {
  await Member.updateOne(
    { _id: memberId },
    { $set: { ...(patch.unitId ? { unitId: patch.unitId } : {}), ...(patch.networks ? { networks: patch.networks } : {}) } },
  );
}

/** Sets a new password and lifts a lock-out; null when there is no such user. */
export async function resetPassword(id: string, password: string) {
  if (!isValidObjectId(id)) return null;
  return User.findByIdAndUpdate(
    id,
    { $set: { passwordHash: await hashPassword(password), failedLogins: 0 }, $unset: { lockedUntil: 1 } },
    { returnDocument: "after" },
  );
}
