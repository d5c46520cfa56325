// Signed answer links for e-mail: `<offerId>.<expiry>.<hmac>`. Bound to one offer (the id is signed),
// valid until the offer expires (the expiry is signed), single-use because an offer can be answered once.
import { createHmac, timingSafeEqual } from "node:crypto";
import { offerLinkSecret } from "./keys";

const sign = (secret: Buffer, offerId: string, exp: string) => createHmac("sha256", secret).update(`offer-link|${offerId}|${exp}`).digest("base64url");

export async function offerLinkToken(offerId: string, expiresAt: Date): Promise<string> {
  const exp = Math.ceil(expiresAt.getTime() / 1000).toString(36);
  return `${offerId}.${exp}.${sign(await offerLinkSecret(), offerId, exp)}`;
}

export type TokenCheck = { ok: true; offerId: string; expiresAt: Date } | { ok: false };

/** Checks the signature only; whether the offer can still be answered is the caller's business. */
export async function verifyOfferLinkToken(token: string): Promise<TokenCheck> {
  const m = /^([0-9a-f]{24})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false };
  const [, offerId, exp, mac] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(await offerLinkSecret(), offerId, exp));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
  return { ok: true, offerId, expiresAt: new Date(parseInt(exp, 36) * 1000) };
}

let fallbackBase = "http://localhost:3000";
/** Where links point when PUBLIC_URL is unset: the address the service listens on (set at start-up). */
export function setFallbackPublicUrl(url: string): void {
  fallbackBase = url.replace(/\/$/, "");
}

export const offerLinkUrl = (publicUrl: string | undefined, token: string): string => `${(publicUrl ?? fallbackBase).replace(/\/$/, "")}/offer-links/${token}`;
/** The app's hash route of an offer (the PWA opens it). */
export const appOfferPath = (offerId: string): string => `/#/offers/${offerId}`;
export const appOfferUrl = (publicUrl: string | undefined, offerId: string): string =>
  `${(publicUrl ?? fallbackBase).replace(/\/$/, "")}${appOfferPath(offerId)}`;
