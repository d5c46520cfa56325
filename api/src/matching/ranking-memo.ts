// The candidate list of a request is read far more often than anything it depends on changes (a
// requester's page polls it; a coordinator reloads it). One ranking per request is kept and reused while
// the request's matching fields, the member snapshot and the fairness values are the same, for at most
// TTL_MS (availability "now" moves with the clock). Dispatch always ranks afresh.
import type { Deps } from "../deps";
import type { MatchResult } from "../domain/matching";
import { rankCandidates, type RequestForMatching } from "./candidates";
import { memberSnapshot } from "./snapshot";
import { fairnessCache } from "./fairness-cache";

const TTL_MS = 5_000;
const MAX_REQUESTS = 1_000;

interface Memo {
  stamp: string;
  until: number;
  result: Promise<MatchResult>;
}

const memos = new WeakMap<Deps, Map<string, Memo>>();

/** The ranking of `request`, computed at most once per stamp and TTL_MS (concurrent callers share one). */
export function memoizedRanking(deps: Deps, request: RequestForMatching): Promise<MatchResult> {
  let byRequest = memos.get(deps);
  if (!byRequest) memos.set(deps, (byRequest = new Map()));
  const stamp = `${memberSnapshot(deps).version}|${fairnessCache(deps).version}|${JSON.stringify(request)}`;
  const t = Date.now();
  const memo = byRequest.get(request.id);
  if (memo && memo.stamp === stamp && memo.until > t) return memo.result;

  const result = rankCandidates(deps, request);
  byRequest.delete(request.id); // re-inserted last: the map's order is least recently computed first
  byRequest.set(request.id, { stamp, until: t + TTL_MS, result });
  if (byRequest.size > MAX_REQUESTS) byRequest.delete(byRequest.keys().next().value!);
  result.catch(() => {
    if (byRequest.get(request.id)?.result === result) byRequest.delete(request.id);
  });
  return result;
}
