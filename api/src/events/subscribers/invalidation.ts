// Read models and caches of this process follow the writes that change what they hold.
import type { Deps } from "../../deps";
import type { EventBus } from "../bus";
import { budgetReadModel } from "../../usecases/budgets/read-model";
import { fairnessCache } from "../../matching/fairness-cache";
import { helplineFor } from "../../helpline/runtime";

export function subscribeInvalidation(bus: EventBus, deps: Deps) {
  // Committed hours of the budget read model (accepted requests count, cancelled ones no longer).
  bus.subscribe(["offer.accepted", "request.cancelled"], "budget-read-model", (e) => budgetReadModel.requestChanged(e.request));
  // The winner's budget and engagement count just changed: their fairness score must be recomputed.
  bus.subscribe("offer.accepted", "fairness-cache", (e) => fairnessCache(deps).invalidate(e.offer.memberId));
  // The helpline's routing roster is rebuilt from the shifts and holds the members' first names and phones.
  bus.subscribe(["shift.created", "shift.changed", "shift.removed"], "helpline-roster", () => helplineFor(deps).snapshot.refreshSoon());
  bus.subscribe("user.updated", "helpline-roster", (e) => (e.memberId ? helplineFor(deps).snapshot.refreshSoon() : undefined));
}
