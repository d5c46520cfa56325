// Scheduling side of the durable jobs: plain writes, usable from any use case.
import { Job } from "../models/job";

export async function scheduleJob(type: string, runAt: Date, payload: Record<string, unknown> = {}, key?: string): Promise<void> {
  if (!key) {
    await Job.create({ type, runAt, payload });
    return;
  }
  // One job per key, addressed by _id: re-scheduling moves the existing one instead of adding a twin.
  await Job.updateOne(
    { _id: key },
    { $set: { type, runAt, payload, key, status: "pending", attempts: 0 }, $unset: { lockedUntil: 1, lockedBy: 1, lastError: 1, doneAt: 1 } },
    { upsert: true },
  );
}

export async function cancelJob(key: string): Promise<void> {
  await Job.updateOne({ _id: key, status: "pending" }, { $set: { status: "cancelled", doneAt: new Date() } });
}

/** How long a finished job stays readable (what ran, when) before the daily purge removes it. */
export const FINISHED_JOBS_KEPT_MS = 7 * 86_400_000;

/**
 * Deletes jobs done or cancelled longer than `keepMs` ago. Every poll looks for due jobs, which on the
 * embedded store scans the whole collection, so finished jobs must not pile up. Failed jobs stay for a
 * person to look at.
 */
export async function purgeFinishedJobs(now: Date, keepMs = FINISHED_JOBS_KEPT_MS): Promise<number> {
  const res = await Job.deleteMany({ status: { $in: ["done", "cancelled"] }, doneAt: { $lt: new Date(now.getTime() - keepMs) } });
  return res.deletedCount;
}

/** The pending or running job with this key, if any. */
export function activeJob(key: string) {
  return Job.findOne({ _id: key, status: { $in: ["pending", "running"] } }).lean();
}

/**
 * Once, at start: keyed jobs written before keys became _ids (ObjectId _id, unique index on `key`) move to
 * `_id: key`. The copy is written before the original is removed, so a crash in between at worst leaves a
 * job twice (jobs are idempotent), never loses one.
 */
export async function migrateKeyedJobs(): Promise<number> {
  // Stored the old way: a key, and an ObjectId for _id (keyed jobs now have _id = key, a string).
  const legacy = await Job.find({ key: { $exists: true }, _id: { $type: "objectId" } }).lean();
  if (!legacy.length) return 0;
  await Job.collection.dropIndex("key_1").catch(() => {}); // the old unique index would refuse the copies
  for (const { _id, ...job } of legacy) {
    await Job.collection.replaceOne({ _id: job.key as never }, { ...job }, { upsert: true });
    await Job.collection.deleteOne({ _id: _id as never });
  }
  return legacy.length;
}
