// The coordinators' directory: text through the search port (typos, synonyms), filters, limited to
// members of the coordinator's units or networks. Hidden expertise is never indexed.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { Filters } from "../../../../search/port";
import { coordinatesMember } from "../../access/members";
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
  // Names are not in the search index (it holds what members share, not who they are): a coordinator's
  // name query ("Hodan", "Yusuf Abdi") is matched here on the snapshot, in scope only, and listed first.
  const byName = nameMatches(
    snapshot.all(),
    q.q,
    (m) =>
      coordinatesMember(actor, m) &&
      (!q.unit || q.unit.split(",").includes(m.unitId)) &&
      (!q.network || q.network.split(",").some((n) => m.networks.includes(n))) &&
      (!q.expertise || q.expertise.split(",").some((x) => m.expertise.some((e) => e.id === x && e.visible))),
  );
  const data = byName.slice(0, q.limit).map((m) => ({ ...presentDirectoryRow(m), score: 1 }));
  const seen = new Set(data.map((d) => d.id));
  if (data.length >= q.limit) return { data };
  // Scope is "units OR networks", which the port's AND-filters cannot say: over-fetch, then filter here.
  const res = await deps.search.search("members", { q: q.q, filters, limit: 2000 });
  for (const h of res.hits) {
    const m = snapshot.get(h.id);
    if (!m || seen.has(m.id) || !coordinatesMember(actor, m)) continue;
    data.push({ ...presentDirectoryRow(m), score: h.score });
    if (data.length >= q.limit) break;
  }
  return { data };
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Members whose name holds every word of the query as the start of a name part ("yus abd" finds Yusuf Abdi). */
export function nameMatches<M extends { name: string; active?: boolean }>(all: Iterable<M>, q: string | undefined, allowed: (m: M) => boolean): M[] {
  const words = fold(q ?? "")
    .split(/[\s,]+/)
    .filter((w) => w.length >= 2);
  if (!words.length) return [];
  const whole = words.join(" ");
  const out: { m: M; rank: number }[] = [];
  for (const m of all) {
    if (!m.name || m.active === false) continue;
    const parts = fold(m.name).split(/[\s\-']+/);
    if (!words.every((w) => parts.some((p) => p.startsWith(w))) || !allowed(m)) continue;
    // Exact name first, then names holding every word whole, then prefixes.
    const rank = parts.join(" ") === whole ? 0 : words.every((w) => parts.includes(w)) ? 1 : 2;
    out.push({ m, rank });
  }
  return out.sort((a, b) => a.rank - b.rank || a.m.name.localeCompare(b.m.name, "nl")).map((x) => x.m);
}
