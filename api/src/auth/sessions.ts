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

export async function principalForToken(token: string, now = new Date()): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const t = await Token.findOne({ tokenHash, kind: "session" }).lean();
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now)) return null;
  const user = await User.findById(t.userId);
  if (!user || !user.active) return null;
  return principalFromUser(user, tokenHash);
}

export async function revokeToken(tokenHash: string, now = new Date()): Promise<void> {
  await Token.updateOne({ tokenHash }, { $set: { revokedAt: now } });
}

export async function revokeAllTokens(userId: string, now = new Date()): Promise<void> {
  await Token.updateMany({ userId, kind: "session", revokedAt: { $exists: false } }, { $set: { revokedAt: now } });
}
