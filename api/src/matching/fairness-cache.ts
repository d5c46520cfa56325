// Remaining budget hours and recent engagements change slowly compared with how often requests are
// ranked. Ranking reads them from this per-service cache: the first ranking starts loading every member
// in the background, stale values (older than TTL_MS) are refreshed in the background, and a ranking waits
// only for members not loaded yet (before the warm-up reaches them, new, or invalidated by an acceptance
// here). Budgets come from the budget read model (the acceptance gate's source too), not from queries: per
// chunk of members those were scans of the totals and requests on FerretDB, which at 10,000 members kept
// the embedded store busy for most of a core while rankings ran. Background loads go in chunks with a
// yield in between: computing budgets costs up to ~1 ms of CPU per member (luxon), which must not stall
// the event loop for seconds. The budget gate at acceptance stays authoritative; a stale value only
// shifts a ranking a little.
import type { Deps } from "../deps";
import { yearOf } from "../usecases/budgets/compute";
import { budgetReadModel } from "../usecases/budgets/read-model";
import { memberSnapshot } from "./snapshot";
import { Request } from "../models/request";
import { isClientClosed } from "../db/unavailable";

const TTL_MS = 30_000;
const CHUNK = 200; // members per background load, with a yield in between
const ENGAGEMENT_WINDOW_DAYS = 90;

export class FairnessCache {
  private remaining = new Map<string, { v: number; at: number }>();
  /** Loads in flight per member id (after an invalidation). */
  private pending = new Map<string, Promise<void>>();
  /** Sequence number of each member's invalidation: loads started earlier must not bring the old value back. */
  private dropped = new Map<string, number>();
  private seq = 0;
  private primed?: Promise<void>;
  private refreshing?: Promise<void>;
  private stale = new Set<string>();
  private generation = 0; // bumped by invalidate(): engagements loaded before it are outdated
  private engagements?: { map: Map<string, number>; at: number; generation: number };
  private engagementsLoading?: { promise: Promise<Map<string, number>>; generation: number };
  /** Bumped whenever a value a ranking reads changes (see ranking-memo.ts). */
  version = 0;

  constructor(private deps: Deps) {}

  /** Loads every member of the (ready) snapshot and the engagement counts once, in the background. */
  prime(now: Date): Promise<void> {
    this.primed ??= (async () => {
      const ids = Array.from(memberSnapshot(this.deps).all(), (m) => m.id);
      await Promise.all([this.loadInChunks(ids, now, true), this.engagementsFor(now)]);
    })().catch((err) => {
      this.primed = undefined; // retry on the next ranking
      throw err;
    });
    return this.primed;
  }

  /**
   * After this resolves, `remainingOf` and `engagementsOf` answer for `ids` from memory. Waits only for
   * the first load and for members never loaded; stale values are refreshed in the background.
   */
  async prepare(ids: Iterable<string>, now: Date): Promise<void> {
    this.prime(now).catch((err) => this.deps.logger.warn({ err }, "fairness cache warm-up failed"));
    const t = Date.now();
    let missing: string[] | undefined;
    let waits: Promise<unknown>[] | undefined;
    for (const id of ids) {
      const r = this.remaining.get(id);
      if (r) {
        if (t - r.at > TTL_MS) this.stale.add(id);
        continue;
      }
      const p = this.pending.get(id);
      if (p) (waits ??= []).push(p);
      else (missing ??= []).push(id);
    }
    if (missing) (waits ??= []).push(this.load(missing, now));
    const engagements = this.engagementsFor(now);
    if (engagements instanceof Promise) (waits ??= []).push(engagements);
    if (waits) await Promise.all(waits);
    if (this.stale.size && !this.refreshing) {
      const batch = [...this.stale];
      this.stale.clear();
      this.refreshing = this.loadInChunks(batch, now).finally(() => (this.refreshing = undefined));
      this.refreshing.catch((err) => isClientClosed(err) || this.deps.logger.warn({ err }, "fairness cache refresh failed"));
    }
  }

  /** Remaining budget hours (0 for a member never loaded). */
  remainingOf(id: string): number {
    return this.remaining.get(id)?.v ?? 0;
  }

  /** Accepted engagements in the last 90 days. */
  engagementsOf(id: string): number {
    return this.engagements?.map.get(id) ?? 0;
  }

  /** One load of the ids not cached yet, without priming (the bench uses a fresh cache to time a load). */
  async remainingFor(ids: string[], now: Date): Promise<Map<string, number>> {
    const missing = ids.filter((id) => !this.remaining.has(id));
    if (missing.length) await this.load(missing, now);
    return new Map(ids.map((id) => [id, this.remainingOf(id)]));
  }

  /** After an acceptance or logged time in this process: reload these now; the next ranking waits for them. */
  invalidate(memberId?: string) {
    const now = this.deps.now();
    this.version++;
    if (memberId) {
      this.remaining.delete(memberId);
      this.dropped.set(memberId, ++this.seq);
      const p = this.load([memberId], now).finally(() => {
        if (this.pending.get(memberId) === p) this.pending.delete(memberId);
      });
      p.catch(() => {}); // a failure leaves the member missing: the next ranking loads it again
      this.pending.set(memberId, p);
    }
    this.generation++;
    this.loadEngagements(now).catch(() => {});
  }

  /** The counts, or (when none are current) the load to wait for; stale counts are served while reloading. */
  private engagementsFor(now: Date): Map<string, number> | Promise<Map<string, number>> {
    const e = this.engagements;
    if (e && e.generation === this.generation) {
      if (Date.now() - e.at >= TTL_MS) this.loadEngagements(now).catch(() => {});
      return e.map;
    }
    return this.loadEngagements(now);
  }

  private loadEngagements(now: Date): Promise<Map<string, number>> {
    const generation = this.generation;
    const l = this.engagementsLoading;
    if (l && l.generation === generation) return l.promise;
    const promise = loadEngagements(now)
      .then((map) => {
        if (!this.engagements || this.engagements.generation <= generation) {
          this.engagements = { map, at: Date.now(), generation };
          this.version++;
        }
        return map;
      })
      .finally(() => {
        if (this.engagementsLoading?.promise === promise) this.engagementsLoading = undefined;
      });
    this.engagementsLoading = { promise, generation };
    return promise;
  }

  private async loadInChunks(ids: string[], now: Date, onlyMissing = false) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      let chunk = ids.slice(i, i + CHUNK);
      if (onlyMissing) chunk = chunk.filter((id) => !this.remaining.has(id) && !this.pending.has(id));
      if (chunk.length) await this.load(chunk, now);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async load(ids: string[], now: Date) {
    const started = ++this.seq;
    // Member rows come from the snapshot: a long `_id: {$in}` list is slow on FerretDB.
    const snapshot = memberSnapshot(this.deps);
    const rows = ids.flatMap((id) => {
      const m = snapshot.get(id);
      return m ? [{ id, name: m.name, unitId: m.unitId, networks: m.networks, joinedAt: m.joinedAt, ...(m.leftAt ? { leftAt: m.leftAt } : {}) }] : [];
    });
    const budgets = new Map((await budgetReadModel.budgets(rows, yearOf(now))).map((b) => [b.memberId, b]));
    const at = Date.now();
    for (const id of ids) {
      const dropped = this.dropped.get(id);
      if (dropped !== undefined) {
        if (dropped > started) continue; // invalidated while this load ran: a newer load brings the value
        this.dropped.delete(id);
      }
      const v = budgets.get(id)?.remaining ?? 0;
      if (this.remaining.get(id)?.v !== v) this.version++;
      this.remaining.set(id, { v, at });
    }
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
