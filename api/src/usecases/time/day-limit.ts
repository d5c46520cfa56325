// The 12-hours-a-day rule under concurrency: hours are reserved on a per-member-per-day counter
// with one conditional $inc, so two simultaneous entries cannot both squeeze under the limit.
import { MAX_HOURS_PER_DAY } from "../../domain/budget";
import { TimeDay } from "../../models/time-day";

const key = (memberId: string, day: string) => `${memberId}:${day}`;

export async function dayHours(memberId: string, day: string): Promise<number> {
  const d = await TimeDay.findById(key(memberId, day), { hours: 1 }).lean();
  return d?.hours ?? 0;
}

/** Adds `hours` to the day if the total stays within the limit; false when it would not. */
export async function reserveDayHours(memberId: string, day: string, hours: number): Promise<boolean> {
  const _id = key(memberId, day);
  // Create the counter first (a racing creator gets a duplicate-key error, which is fine), then
  // increment only while there is room: the condition and the $inc are one atomic step.
  await TimeDay.updateOne({ _id }, { $setOnInsert: { memberId, day, hours: 0 } }, { upsert: true }).catch((err: { code?: number }) => {
    if (err?.code !== 11000) throw err;
  });
  const updated = await TimeDay.findOneAndUpdate(
    { _id, hours: { $lte: MAX_HOURS_PER_DAY - hours } },
    { $inc: { hours } },
    { new: true, projection: { hours: 1 } },
  ).lean();
  return !!updated;
}

export async function releaseDayHours(memberId: string, day: string, hours: number): Promise<void> {
  await TimeDay.updateOne({ _id: key(memberId, day) }, { $inc: { hours: -hours } });
}
