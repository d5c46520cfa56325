// The coordinator dashboard's figures, computed on the server from the requests in scope so the web app
// need not read request details (every detail read by a coordinator writes an audit event).
// No case text leaves here: counts, one median and expertise ids.
import type { Principal } from "../../auth/principal";
import { REQUEST_STATUSES, UNMET_STATUSES, type RequestStatus } from "../../contract/values";
import { Request } from "../../models/request";
import { requestScopeFilter } from "../../access/requests";

export const SUMMARY_WINDOW_DAYS = 90;
const DAY = 86_400_000;

export interface RequestSummary {
  scope: { units: string[] };
  byStatus: Record<RequestStatus, number>;
  acceptance: { windowDays: number; count: number; medianMinutes: number | null };
  unmetByExpertise: { expertiseId: string; requests: number }[];
  generatedAt: string;
}

/** Median of a non-empty list of numbers. */
function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export async function requestSummary(actor: Principal, now: Date): Promise<RequestSummary> {
  const scope = requestScopeFilter(actor);
  const units = actor.scope.units;
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as RequestSummary["byStatus"];
  const empty: RequestSummary = {
    scope: { units },
    byStatus,
    acceptance: { windowDays: SUMMARY_WINDOW_DAYS, count: 0, medianMinutes: null },
    unmetByExpertise: [],
    generatedAt: now.toISOString(),
  };
  if (!scope) return empty; // a coordinator scoped to networks only coordinates no unit's requests

  const since = new Date(now.getTime() - SUMMARY_WINDOW_DAYS * DAY);
  const [counts, accepted, unmet] = await Promise.all([
    // One pass that sees each request once: a count per status could see a request that changes status
    // meanwhile (open → offered) twice, or not at all.
    Request.aggregate<{ _id: string; n: number }>([{ $match: scope }, { $group: { _id: "$status", n: { $sum: 1 } } }]),
    Request.find({ ...scope, acceptedAt: { $gte: since, $lte: now } }, { createdAt: 1, acceptedAt: 1 }).lean(),
    Request.find({ ...scope, status: { $in: UNMET_STATUSES } }, { expertise: 1 }).lean(),
  ]);
  for (const { _id, n } of counts) if (_id in byStatus) byStatus[_id as RequestStatus] = n;

  // A wait below zero means inconsistent data (e.g. an import without createdAt): leave it out rather than
  // let it drag the median negative.
  const waits = accepted
    .filter((r) => r.createdAt && r.acceptedAt)
    .map((r) => (r.acceptedAt!.getTime() - r.createdAt!.getTime()) / 60_000)
    .filter((m) => m >= 0);

  const demand = new Map<string, number>();
  for (const r of unmet) for (const id of new Set(r.expertise ?? [])) demand.set(id, (demand.get(id) ?? 0) + 1);

  return {
    ...empty,
    acceptance: { windowDays: SUMMARY_WINDOW_DAYS, count: waits.length, medianMinutes: waits.length ? Math.round(median(waits) * 10) / 10 : null },
    unmetByExpertise: [...demand.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([expertiseId, requests]) => ({ expertiseId, requests })),
  };
}
