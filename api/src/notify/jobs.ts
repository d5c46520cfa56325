// Job types of the notification channels.
import type { Deps } from "../deps";
import type { JobRunner } from "../jobs/runner";
import { DELIVER_JOB, OFFER_FANOUT_JOB, onDeliver, onOfferFanout } from "./offer-notifications";

export function registerNotifyJobs(runner: JobRunner, deps: Deps): void {
  runner.register(OFFER_FANOUT_JOB, async (p) => onOfferFanout(deps, { offerId: String(p.offerId), at: String(p.at) }));
  runner.register(DELIVER_JOB, async (p) => onDeliver(deps, { deliveryId: String(p.deliveryId) }));
}
