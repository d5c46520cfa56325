import mongoose from "mongoose";
import "../models";
import type { DatabaseHandle } from "./embedded";
import { isDbUnavailable } from "./unavailable";

// Fail fast instead of queueing: with the database gone, requests get a 503 within the timeout.
mongoose.set("bufferCommands", false);
mongoose.set("autoIndex", false);
mongoose.set("strictQuery", true);

/**
 * Connects, retrying for up to `timeoutMs` at start-up. Each operation afterwards waits at most
 * `requestTimeoutMs` for a reachable server (server selection), so an outage answers 503 in about
 * that time instead of hanging; commands are never buffered (above). Indexes are the caller's next
 * step (ensureIndexes).
 */
export async function connectMongo({ url }: Pick<DatabaseHandle, "url">, timeoutMs: number, requestTimeoutMs = timeoutMs): Promise<typeof mongoose> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mongoose.connect(url, {
        serverSelectionTimeoutMS: requestTimeoutMs, // fixed for the client's life: not shortened by the deadline
        connectTimeoutMS: timeoutMs,
        socketTimeoutMS: 30000,
        heartbeatFrequencyMS: 2000,
      });
      break;
    } catch (err) {
      if (deadline - Date.now() <= 0 || !isDbUnavailable(err)) throw err;
      await mongoose.disconnect().catch(() => {}); // a fresh client for the next attempt
    }
  }
  return mongoose;
}

export async function pingMongo(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([db.command({ ping: 1 }), new Promise((_, rej) => setTimeout(() => rej(new Error("ping timeout")), timeoutMs))]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}
