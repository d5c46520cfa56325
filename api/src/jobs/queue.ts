// Scheduling side of the durable jobs: plain writes, usable from any use case.
import { Job } from "../models/job";

export async function scheduleJob(type: string, runAt: Date, payload: Record<string, unknown> = {}, key?: string): Promise<void> {
  if (!key) {
    await Job.create({ type, runAt, payload });
    return;
  }
  // One job per key: re-scheduling moves the existing one instead of adding a twin.
  await Job.updateOne(
    { key },
    { $set: { type, runAt, payload, status: "pending", attempts: 0 }, $unset: { lockedUntil: 1, lockedBy: 1, lastError: 1, doneAt: 1 } },
    { upsert: true },
  );
}

export async function cancelJob(key: string): Promise<void> {
  await Job.updateOne({ key, status: "pending" }, { $set: { status: "cancelled", doneAt: new Date() } });
}
