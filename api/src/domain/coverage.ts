// Helpline coverage from shifts: uncovered windows and covered hours per local hour of the week.
// Intervals are half-open [start, end); overlapping or touching shifts merge.

import { DateTime } from "luxon";

export interface Interval {
  start: Date;
  end: Date;
}

export const HOURS_PER_WEEK = 168;

/** Union of the intervals clipped to [from, to), sorted, overlapping/adjacent ones merged. */
export function mergeIntervals(intervals: Interval[], from: Date, to: Date): Interval[] {
  const f = from.getTime();
  const t = to.getTime();
  const clipped = intervals
    .map((i) => [Math.max(i.start.getTime(), f), Math.min(i.end.getTime(), t)] as const)
    .filter(([s, e]) => !Number.isNaN(s) && !Number.isNaN(e) && e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

/** Windows inside [from, to) that no shift covers, sorted. */
export function coverageGaps(shifts: Interval[], from: Date, to: Date): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from.getTime();
  for (const c of mergeIntervals(shifts, from, to)) {
    if (c.start.getTime() > cursor) gaps.push({ start: new Date(cursor), end: c.start });
    cursor = Math.max(cursor, c.end.getTime());
  }
  if (cursor < to.getTime()) gaps.push({ start: new Date(cursor), end: new Date(to.getTime()) });
  return gaps;
}

/**
 * Covered hours summed per local hour-of-week slot over [from, to): slot 0 = Monday 00:00–01:00
 * local, 167 = Sunday 23:00–24:00. Slots follow the wall clock, so on the autumn DST change the
 * repeated 02:00 hour adds up to 2 hours to Sunday 02:00, and in spring Sunday 02:00 gets none.
 */
export function coverageByHourOfWeek(shifts: Interval[], from: Date, to: Date, zone = "Europe/Amsterdam"): number[] {
  const slots = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const c of mergeIntervals(shifts, from, to)) {
    let cursor = c.start.getTime();
    const end = c.end.getTime();
    while (cursor < end) {
      const local = DateTime.fromMillis(cursor, { zone });
      // plus({hours}) is elapsed-time arithmetic in luxon, so this is the next wall-clock hour.
      const next = Math.min(end, local.startOf("hour").plus({ hours: 1 }).toMillis());
      slots[(local.weekday - 1) * 24 + local.hour]! += (next - cursor) / 3_600_000;
      cursor = next;
    }
  }
  return slots.map((h) => Math.round(h * 1e6) / 1e6);
}
