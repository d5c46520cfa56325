// Call statistics for sizing RSC capacity: read a bounded range of the call log, compute in code.
import { helplineStats } from "../../domain/helpline-stats";
import { HelplineCall } from "../../models/helpline-call";

export const MAX_STATS_CALLS = 200_000;

export async function getHelplineStats(q: { from: Date; to: Date }) {
  const calls = await HelplineCall.find(
    { calledAt: { $gte: q.from, $lt: q.to } },
    { _id: 0, calledAt: 1, action: 1, callerUnitId: 1, targetUnitId: 1, outcome: 1, durationSec: 1 },
  )
    .limit(MAX_STATS_CALLS + 1)
    .lean();
  const truncated = calls.length > MAX_STATS_CALLS;
  const stats = helplineStats(calls.slice(0, MAX_STATS_CALLS).map((c) => ({ ...c, calledAt: c.calledAt! })));
  return { from: q.from.toISOString(), to: q.to.toISOString(), zone: "Europe/Amsterdam", ...(truncated ? { truncated: true } : {}), ...stats };
}
