// Remaining budget hours and recent engagements change slowly compared with how often requests are
// ranked, and computing them hits several collections. Ranking reads them from this per-service cache:
// unknown members are loaded at once, stale ones (older than TTL_MS) are refreshed in the background.
// The budget gate at acceptance stays authoritative; a stale value only shifts a ranking a little.
import type { Deps } from "../deps";
import { computeBudgets, yearOf } from "../usecases/budgets/compute";
import { memberSnapshot } from "./snapshot";
import { Request } from "../models/request";

const TTL_MS = 30_000;
const ENGAGEMENT_WINDOW_DAYS = 90;

export class FairnessCache {
  private remaining = new Map<string, { v: number; at: number }>();
  private refreshing?: Promise<void>;
  private stale = new Set<string>();
  private engagements?: { map: Map<string, number>; at: number };
  private engagementsLoading?: Promise<Map<string, number>>;

  async remainingFor(ids: string[], now: Date): Promise<Map<string, number>> {
    const t = Date.now();
    const missing = ids.filter((id) => !this.remaining.has(id));
    if (missing.length) await this.load(missing, now);
    for (const id of ids) if (t - (this.remaining.get(id)?.at ?? 0) > TTL_MS) this.stale.add(id);
    if (this.stale.size && !this.refreshing) {
      const batch = [...this.stale];
      this.stale.clear();
      this.refreshing = this.load(batch, now).finally(() => (this.refreshing = undefined));
      this.refreshing.catch(() => {});
    }
    return new Map(ids.map((id) => [id, this.remaining.get(id)?.v ?? 0]));
  }

  async engagementsFor(now: Date): Promise<Map<string, number>> {
    const e = this.engagements;
    if (e && Date.now() - e.at < TTL_MS) return e.map;
    this.engagementsLoading ??= loadEngagements(now).then((map) => {
      this.engagements = { map, at: Date.now() };
      return map;
    }).finally(() => (this.engagementsLoading = undefined));
    return e ? e.map : this.engagementsLoading; // stale while revalidating
  }

  /** After an acceptance or logged time in this process: the next ranking reloads these. */
  invalidate(memberId?: string) {
    if (memberId) this.remaining.delete(memberId);
    this.engagements = undefined;
  }

  constructor(private deps: Deps) {}

  private async load(ids: string[], now: Date) {
    // Member rows come from the snapshot: a long `_id: {$in}` list is slow on FerretDB.
    const snapshot = memberSnapshot(this.deps);
    const rows = ids.flatMap((id) => {
      const m = snapshot.get(id);
      return m ? [{ id, name: m.name, unitId: m.unitId, networks: m.networks, joinedAt: m.joinedAt, ...(m.leftAt ? { leftAt: m.leftAt } : {}) }] : [];
    });
    const budgets = await computeBudgets(rows, yearOf(now));
    const at = Date.now();
    for (const id of ids) this.remaining.set(id, { v: budgets.get(id)?.remaining ?? 0, at });
  }
}

/** Accepted engagements per member in the last 90 days (one bounded query). */
async function loadEngagements(now: Date): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - ENGAGEMENT_WINDOW_DAYS * 86_400_000);
  const rows = await Request.find({ acceptedAt: { $gte: since } }, { assigneeMemberId: 1 }).lean();
  const out = new Map<string, number>();
  for (const r of rows) if (r.assigneeMemberId) out.set(r.assigneeMemberId, (out.get(r.assigneeMemberId) ?? 0) + 1);
  return out;
}

const caches = new WeakMap<Deps, FairnessCache>();
export function fairnessCache(deps: Deps): FairnessCache {
  let c = caches.get(deps);
  if (!c) caches.set(deps, (c = new FairnessCache(deps)));
  return c;
}
