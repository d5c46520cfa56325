import { ApiKey } from "../models/api-key";
import type { Principal } from "./principal";
import { newToken, sha256 } from "./secrets";

// Keys verified recently are remembered so the helpline webhook keeps answering while the
// database is unreachable (a caller is waiting); revocation takes effect within CACHE_MS.
const CACHE_MS = 60_000;
const cache = new Map<string, { principal: Principal; at: number }>();

export async function createApiKey(name: string, role: "telephony", createdBy: string, key = `ndv_${newToken(24)}`): Promise<string> {
  await ApiKey.updateOne({ keyHash: sha256(key) }, { $setOnInsert: { keyHash: sha256(key), name, role, createdBy } }, { upsert: true });
  return key;
}

const revalidating = new Set<string>();

/** Revokes a key by id; it stops working at once in this process (the cache forgets it). */
export async function revokeApiKey(id: string, now = new Date()): Promise<void> {
  const k = await ApiKey.findOneAndUpdate({ _id: id, revokedAt: { $exists: false } }, { $set: { revokedAt: now } }, { returnDocument: "after" }).lean();
  if (k) cache.delete(k.keyHash);
}

// Hashes of keys presented recently: a telephony platform sends the same key with every call. A Map
// lookup, not a comparison with the last key, so the time taken tells nothing about a valid key's prefix.
const hashes = new Map<string, string>();

export async function principalForApiKey(key: string): Promise<Principal | null> {
  let keyHash = hashes.get(key);
  if (keyHash === undefined) {
    if (hashes.size >= 100) hashes.clear(); // random keys sprayed at the webhook cannot grow it
    hashes.set(key, (keyHash = sha256(key)));
  }
  const hit = cache.get(keyHash);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
  if (hit) {
    // Stale: answer now, re-check in the background (once at a time), so an outage longer than
    // CACHE_MS never makes the helpline webhook wait for the database's timeout.
    if (!revalidating.has(keyHash)) {
      revalidating.add(keyHash);
      void lookupApiKey(keyHash, hit)
        .catch(() => {})
        .finally(() => revalidating.delete(keyHash));
    }
    return hit.principal;
  }
  return lookupApiKey(keyHash, hit);
}

async function lookupApiKey(keyHash: string, hit: { principal: Principal } | undefined): Promise<Principal | null> {
  try {
    const k = await ApiKey.findOne({ keyHash }).lean();
    if (!k || k.revokedAt) {
      cache.delete(keyHash);
      return null;
    }
    // Last use, at most once per cache period (the cache answers in between).
    void ApiKey.updateOne({ _id: k._id }, { $set: { lastUsedAt: new Date() } }).catch(() => {});
    const principal: Principal = { id: `apikey:${k._id}`, kind: "machine", name: k.name, roles: [k.role], networks: [], scope: { units: [], networks: [] } };
    cache.set(keyHash, { principal, at: Date.now() });
    return principal;
  } catch (err) {
    if (hit) return hit.principal; // database down: trust a key we verified before
    throw err;
  }
}
