// Issue, resolve and revoke login tokens (the same opaque token serves as bearer and cookie).
import { Token } from "../models/token";
import { User } from "../models/user";
import { principalFromUser, type Principal } from "./principal";
import { newToken, sha256 } from "./secrets";

export async function issueToken(userId: string, ttlHours: number, now = new Date()): Promise<string> {
  const token = newToken();
  await Token.create({ tokenHash: sha256(token), userId, kind: "session", createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) });
  return token;
}

// Resolved sessions are remembered for CACHE_MS, so an authenticated request costs no token scan and
// user read (on the embedded FerretDB a lookup by tokenHash scans the collection). Revocation and
// user changes in this process take effect at once (forget*); made by another instance, within CACHE_MS.
const CACHE_MS = 30_000;
const MAX_CACHED = 50_000;
const cache = new Map<string, { principal: Principal; userId: string; expiresAt?: Date; at: number }>();

export async function principalForToken(token: string, now = new Date()): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const hit = cache.get(tokenHash);
  if (hit && Date.now() - hit.at < CACHE_MS && (!hit.expiresAt || hit.expiresAt > now)) return hit.principal;
  cache.delete(tokenHash);
  const t = await Token.findOne({ tokenHash, kind: "session" }).lean();
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now)) return null;
  const user = await User.findById(t.userId);
  if (!user || !user.active) return null;
  const principal = principalFromUser(user, tokenHash);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(tokenHash, { principal, userId: t.userId, expiresAt: t.expiresAt ?? undefined, at: Date.now() });
  return principal;
}

/** Drops a user's cached sessions (after their roles, scope or active flag changed). */
export function forgetUserSessions(userId: string): void {
  for (const [hash, c] of cache) if (c.userId === userId) cache.delete(hash);
}

export async function revokeToken(tokenHash: string, now = new Date()): Promise<void> {
  cache.delete(tokenHash);
  await Token.updateOne({ tokenHash }, { $set: { revokedAt: now } });
  cache.delete(tokenHash); // a lookup that raced the update must not keep it
}

export async function revokeAllTokens(userId: string, now = new Date()): Promise<void> {
  forgetUserSessions(userId);
  await Token.updateMany({ userId, kind: "session", revokedAt: { $exists: false } }, { $set: { revokedAt: now } });
  forgetUserSessions(userId);
}
