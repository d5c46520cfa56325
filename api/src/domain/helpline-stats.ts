// Helpline call statistics, computed in code over a bounded list of calls (no $facet/$lookup in our
// MongoDB subset). Hour of week follows the local wall clock: slot 0 = Monday 00:00–01:00.
import { DateTime } from "luxon";

export interface CallFact {
  calledAt: Date;
  action?: "member" | "rsc" | null;
  callerUnitId?: string | null;
  targetUnitId?: string | null;
  outcome?: "answered" | "missed" | "forwarded" | null;
  durationSec?: number | null;
}

export interface Share {
  total: number;
  rsc: number;
  rscShare: number;
  missed: number;
}

export interface HelplineStats {
  total: number;
  routedToMember: number;
  routedToRsc: number;
  rscShare: number;
  missed: number;
  outcomes: { answered: number; missed: number; forwarded: number; unknown: number };
  durations: {
    count: number;
    averageSec: number | null;
    medianSec: number | null;
    member: { averageSec: number | null; medianSec: number | null };
    rsc: { averageSec: number | null; medianSec: number | null };
  };
  byHourOfWeek: (Share & { slot: number; day: number; hour: number })[];
  byUnit: (Share & { unitId: string })[];
  rscLoadByUnit: { unitId: string; calls: number }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1e4) / 1e4);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

const blank = (): Share => ({ total: 0, rsc: 0, rscShare: 0, missed: 0 });

export function helplineStats(calls: CallFact[], zone = "Europe/Amsterdam"): HelplineStats {
  const hours = Array.from({ length: 168 }, blank);
  const units = new Map<string, Share>();
  const rscLoad = new Map<string, number>();
  const outcomes = { answered: 0, missed: 0, forwarded: 0, unknown: 0 };
  const dur = { all: [] as number[], member: [] as number[], rsc: [] as number[] };
  let rsc = 0;
  let member = 0;

  for (const c of calls) {
    const isRsc = c.action === "rsc";
    const isMissed = c.outcome === "missed";
    if (isRsc) rsc++;
    else if (c.action === "member") member++;
    outcomes[c.outcome ?? "unknown"]++;
    if (typeof c.durationSec === "number" && c.outcome !== "missed") {
      dur.all.push(c.durationSec);
      if (isRsc) dur.rsc.push(c.durationSec);
      else dur.member.push(c.durationSec);
    }
    const local = DateTime.fromJSDate(c.calledAt, { zone });
    const buckets = [hours[(local.weekday - 1) * 24 + local.hour]!];
    const unitId = c.callerUnitId ?? "unknown";
    if (!units.has(unitId)) units.set(unitId, blank());
    buckets.push(units.get(unitId)!);
    for (const b of buckets) {
      b.total++;
      if (isRsc) b.rsc++;
      if (isMissed) b.missed++;
    }
    if (isRsc && c.targetUnitId) rscLoad.set(c.targetUnitId, (rscLoad.get(c.targetUnitId) ?? 0) + 1);
  }
  const withShare = <T extends Share>(s: T): T => ({ ...s, rscShare: ratio(s.rsc, s.total) });
  return {
    total: calls.length,
    routedToMember: member,
    routedToRsc: rsc,
    rscShare: ratio(rsc, calls.length),
    missed: outcomes.missed,
    outcomes,
    durations: {
      count: dur.all.length,
      averageSec: average(dur.all),
      medianSec: median(dur.all),
      member: { averageSec: average(dur.member), medianSec: median(dur.member) },
      rsc: { averageSec: average(dur.rsc), medianSec: median(dur.rsc) },
    },
    byHourOfWeek: hours.map((h, slot) => withShare({ ...h, slot, day: Math.floor(slot / 24) + 1, hour: slot % 24 })),
    byUnit: [...units.entries()].map(([unitId, s]) => withShare({ ...s, unitId })).sort((a, b) => b.total - a.total || a.unitId.localeCompare(b.unitId)),
    rscLoadByUnit: [...rscLoad.entries()].map(([unitId, calls]) => ({ unitId, calls })).sort((a, b) => b.calls - a.calls || a.unitId.localeCompare(b.unitId)),
  };
}
