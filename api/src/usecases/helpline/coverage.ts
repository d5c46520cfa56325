// Coverage of the roster over a window, and the daily look-ahead for planners.
import type { Deps } from "../../deps";
import { coverageByHourOfWeek, coverageGaps, type Interval } from "../../domain/coverage";
import { Shift } from "../../models/shift";
import { HelplineGapReport } from "../../models/helpline-gap-report";

const iso = (i: Interval) => ({ start: i.start.toISOString(), end: i.end.toISOString() });

async function shiftsIn(from: Date, to: Date): Promise<Interval[]> {
  return Shift.find({ start: { $lt: to }, end: { $gt: from } }, { _id: 0, start: 1, end: 1 })
    .limit(20_000)
    .lean();
}

export async function getCoverage(q: { from: Date; to: Date; byHourOfWeek?: boolean }) {
  const shifts = await shiftsIn(q.from, q.to);
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    gaps: coverageGaps(shifts, q.from, q.to).map(iso),
    ...(q.byHourOfWeek ? { byHourOfWeek: coverageByHourOfWeek(shifts, q.from, q.to) } : {}),
  };
}

export const LOOKAHEAD_DAYS = 7;

/** The daily job: gaps in the next 7 days, stored as the latest finding and pushed to planners. */
export async function findUpcomingGaps(deps: Deps, opts: { notify?: boolean } = {}) {
  const now = deps.now();
  const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const to = new Date(from.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  const gaps = coverageGaps(await shiftsIn(from, to), from, to);
  await HelplineGapReport.updateOne({ _id: "latest" }, { $set: { computedAt: now, from, to, gaps } }, { upsert: true });
  const report = { computedAt: now.toISOString(), from: from.toISOString(), to: to.toISOString(), gaps: gaps.map(iso) };
  if (opts.notify !== false) deps.notifier.emit({ roles: ["helpline-planner"] }, "helpline:gaps", report);
  return report;
}

export async function latestGaps(deps: Deps) {
  const r = await HelplineGapReport.findById("latest").lean();
  // Before the first daily run: compute now, but leave the announcement to the job.
  if (!r) return findUpcomingGaps(deps, { notify: false });
  return {
    computedAt: r.computedAt.toISOString(),
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    gaps: r.gaps.map((g) => iso({ start: g.start!, end: g.end! })),
  };
}
