// Call statistics for sizing RSC capacity: read a bounded range of the call log, compute in code.
import { helplineStats } from "../../domain/helpline-stats";
import { OUTCOME_WITHIN_MS, readCalls } from "../../helpline/call-store";

export const MAX_STATS_CALLS = 200_000;

export async function getHelplineStats(q: { from: Date; to: Date }) {
  // Calls made in the range, with outcomes reported up to a day after its end.
  const read = await readCalls({ from: q.from, to: new Date(q.to.getTime() + OUTCOME_WITHIN_MS), limit: MAX_STATS_CALLS });
  const calls = read.calls.filter((c) => c.calledAt && c.calledAt >= q.from && c.calledAt < q.to);
  const truncated = read.truncated || calls.length > MAX_STATS_CALLS;
  const stats = helplineStats(calls.slice(0, MAX_STATS_CALLS).map((c) => ({ ...c, calledAt: c.calledAt! })));
  return { from: q.from.toISOString(), to: q.to.toISOString(), zone: "Europe/Amsterdam", ...(truncated ? { truncated: true } : {}), ...stats };
}
