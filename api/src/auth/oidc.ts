// OpenID Connect code flow (with PKCE) against the corporate identity provider.
// Roles stay managed here: a first-time OIDC user becomes a requester; admins grant more.
import * as client from "openid-client";
import type { Config } from "../config";
import { OidcLogin } from "../models/oidc-login";
import { User } from "../models/user";
import { unitById } from "../reference/units";
import { principalFromUser, type Principal } from "./principal";

let cached: { key: string; config: Promise<client.Configuration> } | undefined;

export function oidcEnabled(c: Config): boolean {
  return !!(c.OIDC_ISSUER && c.OIDC_CLIENT_ID);
}

function discover(c: Config): Promise<client.Configuration> {
  const key = `${c.OIDC_ISSUER}|${c.OIDC_CLIENT_ID}`;
  if (cached?.key !== key) {
    const insecure = c.OIDC_ISSUER!.startsWith("http://");
    const config = client
      .discovery(
        new URL(c.OIDC_ISSUER!),
        c.OIDC_CLIENT_ID!,
        c.OIDC_CLIENT_SECRET,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err) => {
        cached = undefined; // try again on the next login
        throw err;
      });
    cached = { key, config };
  }
  return cached.config;
}

export async function startOidcLogin(c: Config, redirectUri: string, returnTo = "/", now = new Date()): Promise<URL> {
  const config = await discover(c);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  await OidcLogin.create({ state, codeVerifier, returnTo, expiresAt: new Date(now.getTime() + 10 * 60_000) });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
  });
}

export async function finishOidcLogin(c: Config, currentUrl: URL, now = new Date()): Promise<{ principal: Principal; returnTo: string }> {
  const state = currentUrl.searchParams.get("state") ?? "";
  // Single use: the pending login is consumed whether or not the exchange succeeds.
  const pending = await OidcLogin.findOneAndDelete({ state });
  if (!pending || pending.expiresAt < now) throw new Error("unknown or expired login attempt");
  const config = await discover(c);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: state });
  const claims = tokens.claims();
  if (!claims?.sub) throw new Error("the identity provider sent no subject");
  // ID tokens often carry only `sub`; name and e-mail come from the userinfo endpoint.
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => ({}));
  const user = await findOrCreateUser({ ...info, ...claims } as Record<string, unknown> & { sub: string });
  if (!user.active) throw new Error("this account is deactivated");
  return { principal: principalFromUser(user), returnTo: pending.returnTo.startsWith("/") ? pending.returnTo : "/" };
}

async function findOrCreateUser(claims: Record<string, unknown> & { sub: string }) {
  const existing = await User.findOne({ oidcSubject: claims.sub });
  if (existing) return existing;
  const email = typeof claims.email === "string" ? claims.email : undefined;
  const username = String(claims.preferred_username ?? email ?? `oidc-${claims.sub}`).toLowerCase();
  const byName = await User.findOne({ username });
  if (byName && !byName.oidcSubject) {
    byName.oidcSubject = claims.sub;
    return byName.save();
  }
  const unitClaim = typeof claims.unit === "string" && unitById(claims.unit) ? claims.unit : "politiedienstencentrum";
  return User.create({
    username: byName ? `${username}-${claims.sub}` : username,
    name: String(claims.name ?? username),
    email,
    roles: ["requester"],
    unitId: unitClaim,
    oidcSubject: claims.sub,
  });
}
