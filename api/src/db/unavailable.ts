// Recognises "the database is (briefly) unreachable" in any error the driver or mongoose throws, so
// callers can answer 503 (try again) instead of 404 or 500. Pure: no I/O.
import mongoose from "mongoose";

const DB_ERRORS =
  /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError|MongooseServerSelectionError|MongoPoolClearedError|MongoNetworkTimeoutError|PoolClearedError|PoolClearedOnNetworkError|MongoWaitQueueTimeoutError|MongoServerClosedError|PoolClosedError/;
const DB_MESSAGES =
  /buffering timed out|connection .* closed|ECONNREFUSED|ECONNRESET|Server selection timed out|Client must be connected|before initial connection is complete|Connection was force closed/i;

/** A database that is (briefly) unreachable, wherever in the error's cause chain it shows. */
export function isDbUnavailable(err: unknown): boolean {
  let e = err as { name?: string; message?: string; cause?: unknown; reason?: unknown; errorLabels?: string[] } | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof mongoose.mongo.MongoNetworkError || e instanceof mongoose.mongo.MongoServerSelectionError) return true;
    if (DB_ERRORS.test(e.name ?? "") || DB_MESSAGES.test(e.message ?? "")) return true;
    if (Array.isArray(e.errorLabels) && e.errorLabels.includes("ResetPool")) return true;
    e = (e.cause ?? e.reason) as typeof e;
  }
  return false;
}

/** The service closed its own database client (shutdown): a background read that fails on it is expected. */
export const isClientClosed = (err: unknown): boolean =>
  (err as { name?: string })?.name === "MongoClientClosedError" || /client was closed/i.test(String((err as Error)?.message ?? ""));
