// The 12-hours-a-day rule: a per-member-per-day counter of pending + approved hours. Callers hold
// the member's lock (mutex.ts memberLock) around check and change, so simultaneous entries are serialised.
import { MAX_HOURS_PER_DAY } from "../../domain/budget";
import { TimeDay } from "../../models/time-day";

const key = (memberId: string, day: string) => `${memberId}:${day}`;

export async function dayHours(memberId: string, day: string): Promise<number> {
  const d = await TimeDay.findById(key(memberId, day), { hours: 1 }).lean();
  return d?.hours ?? 0;
}

/** Adds `hours` to the day if the total stays within the limit; false when it would not. Hold the member lock. */
export async function reserveDayHours(memberId: string, day: string, hours: number): Promise<boolean> {
  if ((await dayHours(memberId, day)) + hours > MAX_HOURS_PER_DAY + 1e-9) return false;
  await TimeDay.updateOne({ _id: key(memberId, day) }, { $inc: { hours }, $setOnInsert: { memberId, day } }, { upsert: true });
  return true;
}

/** Hold the member lock. */
export async function releaseDayHours(memberId: string, day: string, hours: number): Promise<void> {
  await TimeDay.updateOne({ _id: key(memberId, day) }, { $inc: { hours: -hours } });
}
