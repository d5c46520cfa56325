// When a member can be asked: weekly slots in Dutch local time, minus absences. Pure (time is passed in).
//
// Rules:
// - Weekly slots are wall-clock times in Europe/Amsterdam, so "08:00–17:00" means the same local hours
//   in winter and summer time. Day 1 = Monday … 7 = Sunday (ISO), matching luxon's `weekday`.
// - No weekly pattern (undefined or empty) means "available at any time".
// - A slot with `to` <= `from` runs past midnight into the next day ("22:00"–"06:00"); "24:00" is allowed.
// - An absence covers [from, to): it starts at `from` and ends at `to`.
import { DateTime } from "luxon";
import type { Absence, MemberProfile, WeeklySlot } from "./types";

export const TIME_ZONE = "Europe/Amsterdam";
const MINUTES_PER_DAY = 24 * 60;

type WithAvailability = Pick<MemberProfile, "availability">;

/** "08:30" → 510. Returns NaN for malformed input so a broken slot never matches. */
export function minutesOfDay(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return Number.NaN;
  return h * 60 + min;
}

/** True when `at` falls inside one of the weekly slots (Amsterdam local time). */
export function isWithinWeekly(weekly: readonly WeeklySlot[] | undefined, at: Date): boolean {
  if (!weekly || weekly.length === 0) return true;
  const local = DateTime.fromJSDate(at, { zone: TIME_ZONE });
  const day = local.weekday; // 1..7
  const minute = local.hour * 60 + local.minute;
  const previousDay = day === 1 ? 7 : day - 1;
  return weekly.some((slot) => {
    const from = minutesOfDay(slot.from);
    const to = minutesOfDay(slot.to);
    if (Number.isNaN(from) || Number.isNaN(to)) return false;
    if (to > from) return slot.day === day && minute >= from && minute < to;
    // Overnight slot: the evening part on its own day, the morning part on the next day.
    return (slot.day === day && minute >= from && minute < MINUTES_PER_DAY) || (slot.day === previousDay && minute < to);
  });
}

/** The absence that covers `at`, if any. */
export function absenceAt(absences: readonly Absence[] | undefined, at: Date): Absence | undefined {
  const t = at.getTime();
  return (absences ?? []).find((a) => a.from.getTime() <= t && t < a.to.getTime());
}

export function isAbsentAt(member: WithAvailability, at: Date): boolean {
  return absenceAt(member.availability?.absences, at) !== undefined;
}

/** Available now = inside a weekly slot (or no pattern) and not absent. */
export function isAvailableNow(member: WithAvailability, now: Date): boolean {
  return !isAbsentAt(member, now) && isWithinWeekly(member.availability?.weekly, now);
}
