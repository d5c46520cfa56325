// A member's Web Push subscriptions: validated (the endpoint is where this server will POST to), own only,
// at most MAX_PER_USER per user (the oldest make way).
import { isIP } from "node:net";
import { z } from "zod";
import { PushSubscription } from "../models/push-subscription";

export const MAX_PER_USER = 10;
const LOOPBACK = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);
const b64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "Expected base64url")
    .refine((s) => Buffer.from(s, "base64url").length === bytes, { message: `Expected ${bytes} bytes`, params: { code: "invalid_format" } });

/**
 * Push services are public HTTPS endpoints. Plain http is accepted only to loopback outside production
 * (the test push service); in production IP literals and localhost are refused so a subscription cannot
 * make the server POST into the internal network.
 */
export function endpointAllowed(endpoint: string, production: boolean): boolean {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  if (u.protocol === "http:") return !production && LOOPBACK.has(host);
  if (u.protocol !== "https:") return false;
  if (production && (LOOPBACK.has(host) || isIP(host.replace(/^\[|\]$/g, "")) !== 0)) return false;
  return true;
}

export const subscriptionInput = (production: boolean) =>
  z.strictObject({
    endpoint: z
      .string()
      .max(2048)
      .refine((e) => endpointAllowed(e, production), { message: "Expected an https push service endpoint", params: { code: "invalid_format" } }),
    // P-256 public key (uncompressed point, 65 bytes) and the 16-byte auth secret (RFC 8291).
    keys: z.strictObject({ p256dh: b64url(65), auth: b64url(16) }),
    expirationTime: z.number().nullable().optional(), // sent by PushSubscription.toJSON(); not used
  });

export async function saveSubscription(userId: string, s: { endpoint: string; keys: { p256dh: string; auth: string } }): Promise<void> {
  // The endpoint is unique: a browser re-subscribing (or passed to another account on a shared device) moves to this user.
  await PushSubscription.updateOne({ endpoint: s.endpoint }, { $set: { userId, keys: s.keys } }, { upsert: true });
  const all = await PushSubscription.find({ userId }, { _id: 1 }).sort({ updatedAt: -1 }).lean();
  if (all.length > MAX_PER_USER) await PushSubscription.deleteMany({ _id: { $in: all.slice(MAX_PER_USER).map((s) => s._id) } });
}

export async function deleteSubscription(userId: string, endpoint: string): Promise<boolean> {
  return (await PushSubscription.deleteOne({ userId, endpoint })).deletedCount > 0;
}
