// Every job type and periodic task of the service, in one place.
import type { Deps } from "../deps";
import type { JobRunner } from "./runner";
import { registerCoreJobs } from "../dispatch/jobs";
import { ensureDefaultPolicy } from "../usecases/budgets/regulation-data";
import { registerHelplineJobs } from "../helpline/jobs";
import { registerStaffAlerts } from "../notify/staff/alerts";
import { registerNotifyJobs } from "../notify/jobs";

export type StopHook = () => Promise<void> | void;

export async function registerJobs(_runner: JobRunner, _deps: Deps): Promise<StopHook[]> {
  const stops: StopHook[] = [];
  try {
    await registerCoreJobs(_runner, _deps); // request dispatch, offer timeouts, retention purge
    await registerStaffAlerts(_runner, _deps); // e-mail alerts and digests for coordinators and planners (before the helpline jobs: it hears their events)
    stops.push(await registerHelplineJobs(_runner, _deps));
    registerNotifyJobs(_runner, _deps); // push and e-mail deliveries with retries
    await ensureDefaultPolicy(); // korpsregeling: a default version on first start (idempotent)
  } catch (err) {
    await Promise.all(stops.map((s) => s())); // a start-up that failed halfway leaves nothing running
    throw err;
  }
  return stops;
}
