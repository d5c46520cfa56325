// The admin console's view of API keys: listed without their hash, found by id for revocation.
import { isValidObjectId } from "mongoose";
import { ApiKey } from "../../models/api-key";

/** Newest first, at most 500; never the key hash. */
export async function listApiKeys() {
  return ApiKey.find({}, { keyHash: 0 }).sort({ createdAt: -1 }).limit(500).lean();
}

/** The key, or null for an unknown or malformed id. */
export async function findApiKey(id: string) {
  return isValidObjectId(id) ? ApiKey.findById(id).lean() : null;
}
