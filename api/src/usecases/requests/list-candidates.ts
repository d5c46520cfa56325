// Ranked, pseudonymous candidate cards for the requester and coordinators in scope.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { canSeeCandidates, isRequester } from "../../access/requests";
import { presentCandidates } from "../../presenters/candidate";
import { toMatchRequest } from "../../matching/candidates";
import { memoizedRanking } from "../../matching/ranking-memo";
import { auditRead } from "../audit";
import { loadRequestFor } from "./load";
import { recentRequest } from "./recent";

export async function listCandidates(deps: Deps, actor: Principal, id: string, limit: number) {
  const r = await loadRequestFor(actor, id, canSeeCandidates, recentRequest); // polled by the request page: a copy up to 1 s old
  if (!isRequester(actor, r)) await auditRead(actor, "request", id, [r.requesterId]);
  const { ranked } = await memoizedRanking(deps, toMatchRequest(r));
  return presentCandidates(r.refSalt, ranked.slice(0, limit));
}
