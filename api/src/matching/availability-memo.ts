// "Available now" for every candidate of a ranking. The weekly check converts `now` to Amsterdam time with
// luxon on every call (25–50 µs; ~20 ms for a few hundred candidates), yet its answer depends only on the
// weekly pattern and the local minute, and most members share a handful of patterns. So the domain's own
// check runs once per distinct pattern per UTC minute (Amsterdam offsets are whole hours: a UTC minute is
// one local minute) and absences, which depend on the exact instant, are checked as before.
import { isAbsentAt, isAvailableNow, isWithinWeekly } from "../domain/availability";
import type { MemberProfile, WeeklySlot } from "../domain/types";

const patternKeys = new WeakMap<readonly WeeklySlot[], string>();
let memo: { minute: number; byPattern: Map<string, boolean> } | undefined;

function patternKey(weekly: readonly WeeklySlot[]): string {
  let key = patternKeys.get(weekly);
  if (key === undefined) patternKeys.set(weekly, (key = weekly.map((s) => `${s.day} ${s.from} ${s.to}`).join("|")));
  return key;
}

/** Same answers as domain/availability's `isAvailableNow`, for rankings at `now`. */
export function availabilityMemo(now: Date): (member: MemberProfile, at: Date) => boolean {
  const minute = Math.floor(now.getTime() / 60_000);
  if (memo?.minute !== minute) memo = { minute, byPattern: new Map() };
  const byPattern = memo.byPattern;
  return (member, at) => {
    if (at.getTime() !== now.getTime()) return isAvailableNow(member, at);
    if (isAbsentAt(member, at)) return false;
    const weekly = member.availability?.weekly;
    if (!weekly || weekly.length === 0) return true;
    const key = patternKey(weekly);
    let within = byPattern.get(key);
    if (within === undefined) byPattern.set(key, (within = isWithinWeekly(weekly, at)));
    return within;
  };
}
