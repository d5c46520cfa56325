// Durable jobs of the core loop: dispatch rounds and their timeouts, and the daily retention purge
// (request texts past their retention, finished jobs).
import type { Deps } from "../deps";
import type { JobRunner } from "../jobs/runner";
import { activeJob, purgeFinishedJobs, scheduleJob } from "../jobs/queue";
import { purgeClosedRequests } from "../usecases/requests/purge-requests";
import { DISPATCH_JOB, onDispatchJob } from "./dispatch";
import "../usecases/knowledge/index-note"; // registers the knowledge index with reindexAll

export const PURGE_JOB = "requests:purge";
const PURGE_KEY = "requests:purge:daily";
const DAY = 86_400_000;

export async function registerCoreJobs(runner: JobRunner, deps: Deps) {
  runner.register(DISPATCH_JOB, async (payload) => {
    await onDispatchJob(deps, { requestId: String(payload.requestId), round: Number(payload.round) });
  });
  runner.register(PURGE_JOB, async () => {
    await purgeClosedRequests(deps);
    const jobs = await purgeFinishedJobs(deps.now());
    if (jobs) deps.logger.info({ jobs }, "finished jobs purged");
    // Same key: the running job is turned back into a pending one for tomorrow.
    await scheduleJob(PURGE_JOB, new Date(deps.now().getTime() + DAY), {}, PURGE_KEY);
  });
  // First start (or a lost schedule): purge soon, then daily.
  if (!(await activeJob(PURGE_KEY))) await scheduleJob(PURGE_JOB, deps.now(), {}, PURGE_KEY);
}
