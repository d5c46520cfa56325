// "Zoek nu landelijk": the requester (or a coordinator in scope) does not wait for the round's timeout and
// moves the request to the next step of the ladder now. Offers already out stay valid.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { OPEN_STATUSES } from "../../contract/values";
import { canEscalateRequest } from "../../access/requests";
import { dispatchRequest } from "../../dispatch/dispatch";
import { getRequest } from "./get-request";
import { loadRequestFor } from "./load";

export async function escalateRequest(deps: Deps, actor: Principal, id: string) {
  const r = await loadRequestFor(actor, id, canEscalateRequest);
  if (!(OPEN_STATUSES as readonly string[]).includes(r.status)) throw conflict(`The request is ${r.status}; there is nothing to escalate`);
  if (r.escalationStep === "coordinators") throw conflict("The coordinators have already been alerted");
  const from = r.escalationStep ?? "local";
  const decision = await dispatchRequest(deps, id, { round: r.dispatchRound ?? 0, skipStep: true });
  if (!decision) throw conflict("The request moved on meanwhile; reload it");
  deps.events.publish({ type: "request.escalated", actor, requestId: id, from, to: decision.step });
  return getRequest(actor, id);
}
