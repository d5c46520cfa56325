// Passport strategies: local (username + password) and bearer (opaque tokens). Throttling of
// failed logins happens around the strategy, in routes/auth.ts (auth/login-throttle.ts).
import passport from "koa-passport";
import { Strategy as LocalStrategy } from "passport-local";
import { Strategy as BearerStrategy } from "passport-http-bearer";
import type { Context, Next } from "koa";
import { User } from "../models/user";
import { principalFromUser, type Principal } from "./principal";
import { hashPassword, verifyPassword } from "./secrets";
import { principalForToken } from "./sessions";

export type LoginFailure = { reason: "invalid" };

// Unknown, inactive and password-less accounts verify against this hash, so every failed login
// does the same work (one lookup, one scrypt) and takes about the same time.
const dummyHash = hashPassword("not-a-password");

export async function checkLogin(username: string, password: string): Promise<Principal | LoginFailure> {
  const user = await User.findOne({ username: username.toLowerCase().trim() });
  const usable = !!user && user.active && !!user.passwordHash;
  const ok = await verifyPassword(password, usable ? user!.passwordHash! : await dummyHash);
  if (!usable || !ok) return { reason: "invalid" };
  return principalFromUser(user!);
}

export function configurePassport() {
  passport.use(
    new LocalStrategy({ session: false }, (username, password, done) => {
      checkLogin(username, password)
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
