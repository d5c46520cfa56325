// The admin screens' user queries and writes (routes/admin.ts, routes/admin-console.ts); the routes
// keep validation and the audit lines (user changes: usecases/users/update-user.ts).
import { isValidObjectId } from "mongoose";
import { hashPassword } from "../../auth/secrets";
import { escapeRegex } from "../../db/escape-regex";
import { User } from "../../models/user";

/** Users whose username or name contains `q` (case-insensitive), by username. */
export async function listUsers(q: { q?: string; limit: number }) {
  const filter = q.q ? { $or: [{ username: new RegExp(escapeRegex(q.q), "i") }, { name: new RegExp(escapeRegex(q.q), "i") }] } : {};
  return User.find(filter).sort({ username: 1 }).limit(q.limit);
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
