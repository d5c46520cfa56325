// Dispatch housekeeping: an accepted request's round timeout is no longer needed.
import type { Deps } from "../../deps";
import type { EventBus } from "../bus";
import { cancelJob } from "../../jobs/queue";
import { dispatchJobKey } from "../../dispatch/dispatch";

export function subscribeDispatch(bus: EventBus, _deps: Deps) {
  // Asynchronous, off the answer's path: a timeout that still fires finds the request accepted and
  // nothing pending, and does nothing.
  bus.subscribe("offer.accepted", "dispatch-timeout", (e) => cancelJob(dispatchJobKey(e.offer.requestId, e.dispatchRound)));
}
