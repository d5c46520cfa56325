// In-memory read model of everything a budget is made of, so budget lists, the summary, the CSV export
// and the acceptance gate need no scan of members, totals, overrides or requests per call (on the
// embedded FerretDB every filter but `_id` scans its collection).
//
// Loaded once (lazily, one query per collection) and kept current by events from the write paths
// of this process, each applied after its database write succeeded:
//   totalsMoved      time entry logged / approved / rejected / edited (usecases/budgets/totals.ts)
//   overrideSet      a coordinator's override (usecases/budgets/overrides.ts)
//   policiesChanged  a new korpsregeling version (usecases/regulation/versions.ts)
//   memberChanged    a member created or edited (create-user, reindexMember)
//   requestChanged   a request accepted, completed, reopened or cancelled (committed hours)
//   reset            bulk writes behind the model's back (seeding, benchmarks)
// Computed budgets are cached per (year, member) and dropped per member by these events, so a write
// costs the recomputation of one member on the next read. Writes made by other instances arrive
// through a background reload at most every RELOAD_MS (never awaited by a reader; every
// EMBEDDED_RELOAD_MS on the embedded store, which has no other writers); a reload that overlapped an
// event here is discarded, so it cannot bring an older value back.
import mongoose from "mongoose";
import type { MemberOverride, TimeCategory, TimeEntry as DomainEntry } from "../../domain/types";
import { allotment, budgetAlertLevel, budgetFor, policyInForce } from "../../domain/budget";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { BudgetTotals } from "../../models/budget-totals";
import { BudgetOverride } from "../../models/budget-override";
import { loadPolicies, type PolicyRecord } from "./regulation-data";
import { toBudgetMember, type BudgetMemberRow, type MemberBudget } from "./compute";

const RELOAD_MS = 60_000;
/** With an embedded database no other instance writes: the reload is only a safety net there, and a full scan. */
const EMBEDDED_RELOAD_MS = 10 * 60_000;

/** A member as the year filter needs it: `hasJoinedAt` mirrors the query's "joinedAt missing counts as joined". */
export interface ModelMember extends BudgetMemberRow {
  hasJoinedAt: boolean;
}

interface YearTotals {
  hours: Record<string, number>;
  byRequest: Record<string, number>;
}

interface Data {
  members: Map<string, ModelMember>;
  /** memberId → year → totals */
  totals: Map<string, Map<number, YearTotals>>;
  /** memberId → overrides (all years, insertion order) */
  overrides: Map<string, MemberOverride[]>;
  /** accepted requests: memberId → requestId → estimated hours */
  accepted: Map<string, Map<string, number>>;
  /** requestId → assignee, for moving a request between members */
  assigneeOf: Map<string, string>;
  policies: PolicyRecord[];
  /** Pending time entries (the approval queue), as stored: entryId → entry */
  pending: Map<string, PendingEntry>;
}

/** A time entry document (lean) as the approval queue lists it. */
export type PendingEntry = Record<string, any> & { _id: unknown; memberId: string; status: string; date: Date; year: number };

export interface RequestShape {
  _id: unknown;
  status?: string;
  assigneeMemberId?: string | null;
  estimatedHours?: number | null;
}

const toModelMember = (d: Record<string, any>): ModelMember => ({ ...toBudgetMember(d), hasJoinedAt: d.joinedAt != null });
const MEMBER_FIELDS = { name: 1, unitId: 1, networks: 1, joinedAt: 1, leftAt: 1, createdAt: 1 } as const;

async function loadData(): Promise<Data> {
  const Request = mongoose.models.Request;
  const [members, totals, overrides, requests, policies, pending] = await Promise.all([
    Member.find({}, MEMBER_FIELDS).lean(),
    BudgetTotals.find({}, { memberId: 1, year: 1, hours: 1, byRequest: 1 }).lean(),
    BudgetOverride.find({}).lean(),
    Request
      ? Request.find({ status: "accepted" }, { assigneeMemberId: 1, estimatedHours: 1, status: 1 }).lean<RequestShape[]>()
      : Promise.resolve([] as RequestShape[]),
    loadPolicies(),
    TimeEntry.find({ status: "pending" }).lean<PendingEntry[]>(),
  ]);
  const data: Data = { members: new Map(), totals: new Map(), overrides: new Map(), accepted: new Map(), assigneeOf: new Map(), policies, pending: new Map() };
  for (const e of pending) data.pending.set(String(e._id), e);
  for (const m of members) data.members.set(String(m._id), toModelMember(m));
  for (const t of totals) {
    const byYear = data.totals.get(t.memberId) ?? data.totals.set(t.memberId, new Map()).get(t.memberId)!;
    byYear.set(t.year, { hours: { ...((t.hours ?? {}) as Record<string, number>) }, byRequest: { ...((t.byRequest ?? {}) as Record<string, number>) } });
  }
  for (const o of overrides) {
    const list = data.overrides.get(o.memberId) ?? data.overrides.set(o.memberId, []).get(o.memberId)!;
    list.push({ memberId: o.memberId, year: o.year, extraHours: o.extraHours, reason: o.reason, setBy: o.setBy });
  }
  for (const r of requests) applyRequest(data, r);
  return data;
}

/** Puts an accepted request under its assignee, or takes any other out; returns the members touched. */
function applyRequest(data: Data, r: RequestShape): string[] {
  const id = String(r._id);
  const touched: string[] = [];
  const before = data.assigneeOf.get(id);
  if (before) {
    data.accepted.get(before)?.delete(id);
    data.assigneeOf.delete(id);
    touched.push(before);
  }
  if (r.status === "accepted" && r.assigneeMemberId) {
    const m = r.assigneeMemberId;
    (data.accepted.get(m) ?? data.accepted.set(m, new Map()).get(m)!).set(id, r.estimatedHours ?? 0);
    data.assigneeOf.set(id, m);
    touched.push(m);
  }
  return touched;
}

export class BudgetReadModel {
  private data?: Data;
  private loading?: Promise<Data>;
  private loadedAt = 0;
  /** Bumped by every event: a reload that started before the latest event is discarded. */
  private seq = 0;
  /** Bumped whenever the data is replaced (first load, background reload). */
  private generation = 0;
  private reloading = false;
  /** year → memberId → computed budget */
  private cache = new Map<number, Map<string, MemberBudget>>();
  private capsByYear = new Map<number, PolicyRecord | undefined>();
  private reloadMs = RELOAD_MS;

  /** Whether other instances write to this database (see Deps.sharedDatabase): how often to reload. */
  setSharedDatabase(shared: boolean) {
    this.reloadMs = shared ? RELOAD_MS : EMBEDDED_RELOAD_MS;
  }

  /** The data, loading it the first time; later, stale data is reloaded in the background. */
  private async ready(): Promise<Data> {
    if (this.data) {
      if (Date.now() - this.loadedAt > this.reloadMs && !this.reloading) void this.reload();
      return this.data;
    }
    if (!this.loading) {
      const seq = this.seq;
      this.loading = loadData()
        .then((d) => {
          // An event during the first load may be missing from it: load again.
          if (seq !== this.seq) return ((this.loading = undefined), this.ready());
          this.install(d);
          return d;
        })
        .finally(() => (this.loading = undefined));
    }
    return this.loading;
  }

  private install(d: Data) {
    this.generation++;
    this.data = d;
    this.loadedAt = Date.now();
    this.cache.clear();
    this.capsByYear.clear();
  }

  private async reload() {
    this.reloading = true;
    const seq = this.seq;
    try {
      const d = await loadData();
      if (seq === this.seq) this.swap(d);
      else this.loadedAt = Date.now() - this.reloadMs / 2; // try again soon, not at once
    } catch {
      /* keep serving what we have; the next read retries */
    } finally {
      this.reloading = false;
    }
  }

  /** A background reload: keep the computed budgets of members whose inputs did not change. */
  private swap(d: Data) {
    const old = this.data;
    if (!old || JSON.stringify(old.policies) !== JSON.stringify(d.policies)) return this.install(d);
    const sig = (x: Data, id: string) =>
      JSON.stringify([x.members.get(id), [...(x.totals.get(id) ?? [])], x.overrides.get(id), [...(x.accepted.get(id) ?? [])]]);
    const changed: string[] = [];
    const ids = new Set<string>();
    for (const x of [old, d]) for (const m of [x.members, x.totals, x.overrides, x.accepted]) for (const id of m.keys()) ids.add(id);
    for (const id of ids) {
      if (sig(old, id) !== sig(d, id)) changed.push(id);
    }
    this.generation++;
    this.data = d;
    this.loadedAt = Date.now();
    for (const id of changed) this.dirty(id);
  }

  private dirty(memberId: string) {
    for (const byMember of this.cache.values()) byMember.delete(memberId);
  }

  // ---------- events ----------

  /** The same `$inc` the totals document just received (see totals.ts). */
  totalsMoved(memberId: string, year: number, inc: Record<string, number>) {
    this.seq++;
    const d = this.data;
    if (!d) return;
    const byYear = d.totals.get(memberId) ?? d.totals.set(memberId, new Map()).get(memberId)!;
    const t = byYear.get(year) ?? byYear.set(year, { hours: {}, byRequest: {} }).get(year)!;
    for (const [path, v] of Object.entries(inc)) {
      const [field, key] = [path.slice(0, path.indexOf(".")), path.slice(path.indexOf(".") + 1)];
      const target = field === "hours" ? t.hours : t.byRequest;
      target[key] = (target[key] ?? 0) + v;
    }
    this.dirty(memberId);
  }

  /** An entry as it now is (after a log, decision or edit): in the approval queue while pending. */
  entryChanged(e: Record<string, any> | null | undefined) {
    if (!e?._id) return;
    this.seq++;
    const d = this.data;
    if (!d) return;
    if (e.status === "pending") d.pending.set(String(e._id), e as PendingEntry);
    else d.pending.delete(String(e._id));
  }

  /** Pending entries of the members `keep` admits (and of `year`, if given), newest first as the store sorts them. */
  async pendingEntries(keep: (memberId: string) => boolean, limit: number, year?: number): Promise<PendingEntry[]> {
    const d = await this.ready();
    const out: PendingEntry[] = [];
    for (const e of d.pending.values()) if (keep(e.memberId) && (year === undefined || e.year === year)) out.push(e);
    const t = (e: PendingEntry) => new Date(e.date).getTime();
    out.sort((a, b) => t(b) - t(a) || (String(b._id) < String(a._id) ? -1 : String(b._id) > String(a._id) ? 1 : 0));
    return out.slice(0, limit);
  }

  overrideSet(o: MemberOverride) {
    this.seq++;
    const d = this.data;
    if (!d) return;
    (d.overrides.get(o.memberId) ?? d.overrides.set(o.memberId, []).get(o.memberId)!).push(o);
    this.dirty(o.memberId);
  }

  async policiesChanged() {
    this.seq++;
    const d = this.data;
    if (!d) return;
    const policies = await loadPolicies();
    d.policies = policies;
    this.cache.clear();
    this.capsByYear.clear();
    this.seq++; // what was derived while the policies loaded used the old ones
  }

  /** A member document as written (lean), or its id to read it back by `_id`. */
  async memberChanged(member: string | Record<string, any>) {
    this.seq++;
    const d = this.data;
    if (!d) return;
    const doc = typeof member === "string" ? await Member.findById(member, MEMBER_FIELDS).lean() : member;
    const id = typeof member === "string" ? member : String(member._id);
    if (doc) d.members.set(id, toModelMember(doc));
    else d.members.delete(id);
    this.dirty(id);
    this.seq++; // what was derived while the member was read used the old one
  }

  requestChanged(r: RequestShape) {
    this.seq++;
    const d = this.data;
    if (!d) return;
    for (const m of applyRequest(d, r)) this.dirty(m);
  }

  /** Forget everything (bulk writes made behind the model's back); the next read loads again. */
  reset() {
    this.seq++;
    this.data = undefined;
    this.cache.clear();
    this.capsByYear.clear();
  }

  // ---------- reads ----------

  /**
   * Changes whenever anything a budget is made of may have changed (an event, a reload): results
   * derived from the model (the summary, the CSV export) can be reused while it stays the same.
   * Read it after `await`ing a read, so that the data is loaded.
   */
  get version(): string {
    return `${this.generation}:${this.seq}`;
  }

  /** Every member (who left or not); filter with `inYear`. */
  async members(): Promise<Iterable<ModelMember>> {
    return (await this.ready()).members.values();
  }

  async member(id: string): Promise<ModelMember | undefined> {
    return (await this.ready()).members.get(id);
  }

  async policies(): Promise<PolicyRecord[]> {
    return (await this.ready()).policies;
  }

  /** Budgets of these members for `year`, from the cache where it holds them. */
  async budgets(members: Iterable<BudgetMemberRow>, year: number, excludeRequestIds: string[] = []): Promise<MemberBudget[]> {
    const d = await this.ready();
    const out: MemberBudget[] = [];
    if (excludeRequestIds.length) {
      for (const m of members) out.push(this.compute(d, m, year, excludeRequestIds));
      return out;
    }
    const cached = this.cache.get(year) ?? this.cache.set(year, new Map()).get(year)!;
    for (const m of members) {
      let b = cached.get(m.id);
      if (!b) cached.set(m.id, (b = this.compute(d, m, year, [])));
      out.push(b);
    }
    return out;
  }

  /** computeBudgets (compute.ts) for one member, over the data in memory: the same arithmetic in the same order. */
  private compute(d: Data, m: BudgetMemberRow, year: number, exclude: string[]): MemberBudget {
    const policies = d.policies;
    if (!this.capsByYear.has(year)) this.capsByYear.set(year, policyInForce(policies, new Date(Date.UTC(year, 11, 31))) as PolicyRecord | undefined);
    const capsPolicy = this.capsByYear.get(year);
    const totals = d.totals.get(m.id)?.get(year);
    const mid = new Date(Date.UTC(year, 6, 1));
    const entries: DomainEntry[] = Object.entries(totals?.hours ?? {})
      .filter(([, h]) => h > 0)
      .map(([k, h]) => {
        const [status, category] = k.split(":") as ["pending" | "approved", TimeCategory];
        return { id: "", memberId: m.id, date: mid, hours: h, category, status };
      });
    let committed = 0;
    let any = false;
    for (const [requestId, estimated] of d.accepted.get(m.id) ?? []) {
      if (exclude.includes(requestId)) continue;
      const logged = totals?.byRequest[requestId] ?? 0;
      committed += Math.max(0, estimated - logged);
      any = true;
    }
    const overrides = (d.overrides.get(m.id) ?? []).filter((o) => o.year === year);
    const allotted = allotment({ policies, member: m, year, overrides }).hours;
    const budget = budgetFor({ allotted, entries, committedHours: any ? committed : 0, categoryCaps: capsPolicy?.categoryCaps });
    return { memberId: m.id, name: m.name, unitId: m.unitId, networks: m.networks, ...budget, alertLevel: budgetAlertLevel(budget) };
  }
}

/** One per process: the write paths that feed it have no Deps. Reset whenever mongoose (re)connects. */
export const budgetReadModel = new BudgetReadModel();
mongoose.connection.on("connected", () => budgetReadModel.reset());
