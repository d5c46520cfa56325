// Passport strategies: local (username + password with lockout) and bearer (opaque tokens).
import passport from "koa-passport";
import { Strategy as LocalStrategy } from "passport-local";
import { Strategy as BearerStrategy } from "passport-http-bearer";
import type { Context, Next } from "koa";
import { User } from "../models/user";
import { principalFromUser, type Principal } from "./principal";
import { hashPassword, verifyPassword } from "./secrets";
import { principalForToken } from "./sessions";

export interface LockoutPolicy {
  attempts: number;
  minutes: number;
}

export type LoginFailure = { reason: "invalid" } | { reason: "locked"; until: Date };

// Equalises timing for unknown usernames so they cannot be probed.
const dummyHash = hashPassword("not-a-password");

export async function checkLogin(username: string, password: string, lockout: LockoutPolicy, now = new Date()): Promise<Principal | LoginFailure> {
  const user = await User.findOne({ username: username.toLowerCase().trim() });
  if (!user || !user.active || !user.passwordHash) {
    await verifyPassword(password, await dummyHash);
    return { reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { reason: "locked", until: user.lockedUntil };
  if (await verifyPassword(password, user.passwordHash)) {
    if (user.failedLogins) await User.updateOne({ _id: user._id }, { $set: { failedLogins: 0 }, $unset: { lockedUntil: 1 } });
    return principalFromUser(user);
  }
  // Atomic increment so parallel guesses cannot slip past the limit.
  const after = await User.findOneAndUpdate({ _id: user._id }, { $inc: { failedLogins: 1 } }, { returnDocument: "after" });
  if (after && after.failedLogins >= lockout.attempts) {
    const until = new Date(now.getTime() + lockout.minutes * 60_000);
    await User.updateOne({ _id: user._id }, { $set: { lockedUntil: until, failedLogins: 0 } });
    return { reason: "locked", until };
  }
  return { reason: "invalid" };
}

export function configurePassport(lockout: LockoutPolicy) {
  passport.use(
    new LocalStrategy({ session: false }, (username, password, done) => {
      checkLogin(username, password, lockout)
        .then((r) => ("reason" in r ? done(null, false, { message: r.reason, ...r }) : done(null, r)))
        .catch(done);
    }),
  );
  passport.use(
    new BearerStrategy((token, done) => {
      principalForToken(token)
        .then((p) => done(null, p ?? false))
        .catch(done);
    }),
  );
  return passport;
}

/** Runs a strategy and resolves with its outcome instead of writing a response. */
export function runStrategy(name: "local" | "bearer", ctx: Context, next: Next): Promise<{ user: Principal | false; info: unknown }> {
  return new Promise((resolve, reject) => {
    const mw = passport.authenticate(name, { session: false }, (err: unknown, user: Principal | false, info: unknown) => {
      if (err) reject(err);
      else resolve({ user, info });
    });
    Promise.resolve(mw(ctx, next)).catch(reject);
  });
}
