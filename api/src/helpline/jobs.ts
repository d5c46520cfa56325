// Background work of the helpline: the in-memory runtime (snapshot refresh, call log flush) and the
// daily durable coverage check. Called from jobs/register.ts.
import { DateTime } from "luxon";
import type { Deps } from "../deps";
import type { JobRunner } from "../jobs/runner";
import { scheduleJob } from "../jobs/queue";
import { Job } from "../models/job";
import { findUpcomingGaps } from "../usecases/helpline/coverage";
import { helplineFor } from "./runtime";

export const GAPS_JOB = "helpline.gaps";
const GAPS_KEY = "helpline.gaps.daily";

/** Next 06:00 in Amsterdam, so planners find the week's holes at the start of their day. */
export const nextDailyRun = (now: Date): Date => {
  const local = DateTime.fromJSDate(now, { zone: "Europe/Amsterdam" });
  let at = local.set({ hour: 6, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 });
  return at.toJSDate();
};

export async function registerHelplineJobs(runner: JobRunner, deps: Deps): Promise<() => Promise<void>> {
  runner.register(GAPS_JOB, async () => {
    const report = await findUpcomingGaps(deps);
    deps.logger.info({ gaps: report.gaps.length }, "helpline coverage checked");
    await scheduleJob(GAPS_JOB, nextDailyRun(deps.now()), {}, GAPS_KEY);
  });
  // A first check right away when none is planned (fresh database or a failed chain).
  if (!(await Job.exists({ key: GAPS_KEY, status: { $in: ["pending", "running"] } }))) await scheduleJob(GAPS_JOB, deps.now(), {}, GAPS_KEY);

  const rt = helplineFor(deps);
  await rt.start();
  return () => rt.stop();
}
