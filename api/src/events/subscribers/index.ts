// Every subscriber of the domain events, wired once per service (bootstrap.ts).
// Adding a channel (push, e-mail, cross-instance fan-out) = one file here + one line below.
import type { Deps } from "../../deps";
import { subscribeAudit } from "./audit";
import { subscribeDispatch } from "./dispatch";
import { subscribeInvalidation } from "./invalidation";
import { subscribeRealtime } from "./realtime";
import { subscribeNotifications } from "./notifications";

export function subscribeAll(deps: Deps) {
  subscribeAudit(deps.events);
  subscribeInvalidation(deps.events, deps);
  subscribeRealtime(deps.events, deps);
  subscribeDispatch(deps.events, deps);
  subscribeNotifications(deps.events, deps);
}
