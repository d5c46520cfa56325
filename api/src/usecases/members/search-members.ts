// The coordinators' directory: text through the search port (typos, synonyms), filters, limited to
// members of the coordinator's units or networks. Hidden expertise is never indexed.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { Filters } from "../../../../search/port";
import { coordinatesMember } from "../../policies/members";
import { presentDirectoryRow } from "../../presenters/member";
import { memberSnapshot } from "../../matching/snapshot";

export interface DirectoryQuery {
  q?: string;
  unit?: string;
  network?: string;
  expertise?: string;
  limit: number;
}

export async function searchDirectory(deps: Deps, actor: Principal, q: DirectoryQuery) {
  const snapshot = await memberSnapshot(deps).ready();
  const filters: Filters = {};
  if (q.unit) filters.unitId = q.unit.split(",");
  if (q.network) filters.networks = q.network.split(",");
  if (q.expertise) filters.expertiseIds = q.expertise.split(",");
  // Scope is "units OR networks", which the port's AND-filters cannot say: over-fetch, then filter here.
  const res = await deps.search.search("members", { q: q.q, filters, limit: 2000 });
  const data = [];
  for (const h of res.hits) {
    const m = snapshot.get(h.id);
    if (!m || !coordinatesMember(actor, m)) continue;
    data.push({ ...presentDirectoryRow(m), score: h.score });
    if (data.length >= q.limit) break;
  }
  return { data };
}
