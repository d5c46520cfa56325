// An in-memory copy of the member profiles matching works on, so ranking a request needs no scan of the
// collection. Loaded once, kept fresh by `touch(id)` on every member write in this process and by an
// incremental sync (updatedAt) for writes made by other instances: at most every SYNC_MS from a shared
// database, where it is an indexed read. The embedded store has no other writers but scans its whole
// member table for it (most of a core at 10,000 members when every 2 s), so there it runs only as a
// slow safety net, every EMBEDDED_SYNC_MS.
// Besides the profiles it keeps what ranking asks of every candidate, computed once per write instead of
// once per ranking: visible expertise levels, spoken languages, and an expertise id → members index.
import type { Deps } from "../deps";
import type { MemberProfile } from "../domain/types";
import { memberLanguages } from "../domain/matching";
import { Member } from "../models/member";

const SYNC_MS = 2000;
const EMBEDDED_SYNC_MS = 60_000;

type LeanMember = Record<string, any> & { _id: unknown };

export function toProfile(m: LeanMember): MemberProfile {
  return {
    id: String(m._id),
    userId: m.userId,
    name: m.name,
    email: m.email ?? undefined,
    phone: m.phone ?? undefined,
    unitId: m.unitId,
    networks: m.networks ?? [],
    expertise: (m.expertise ?? []).map((e: any) => ({ id: e.id, level: e.level, visible: e.visible !== false })),
    languages: m.languages ?? [],
    availability: {
      weekly: m.availability?.weekly?.length ? m.availability.weekly.map((s: any) => ({ day: s.day, from: s.from, to: s.to })) : undefined,
      absences: (m.availability?.absences ?? []).map((a: any) => ({ from: new Date(a.from), to: new Date(a.to), reason: a.reason ?? undefined })),
    },
    consent: { shareExpertise: m.consent?.shareExpertise === true, at: m.consent?.at ?? undefined },
    active: m.active !== false,
    joinedAt: m.joinedAt ?? new Date(0),
    leftAt: m.leftAt ?? undefined,
  };
}

/** A profile plus what ranking derives from it (read-only: shared by every ranking). */
export interface MemberEntry {
  profile: MemberProfile;
  /** Visible expertise id → level. */
  levels: ReadonlyMap<string, number>;
  /** Languages the member can work in (domain/matching's `memberLanguages`). */
  languages: ReadonlySet<string>;
  /** Active and consented to sharing expertise: may appear among candidates at all. */
  listed: boolean;
}

const NO_MEMBERS: ReadonlySet<string> = new Set();

export class MemberSnapshot {
  private byId = new Map<string, MemberProfile>();
  private entries = new Map<string, MemberEntry>();
  private byExpertise = new Map<string, Set<string>>();
  /** updatedAt (ms) of each member as last read: the sync's overlap re-reads members that did not change. */
  private stamps = new Map<string, number>();
  /** Bumped on every change, so results computed from the snapshot can tell they are outdated. */
  version = 0;
  private loading?: Promise<void>;
  private syncedUpTo = new Date(0);
  private lastSyncAt = 0;
  private syncing?: Promise<void>;

  constructor(private syncMs = SYNC_MS) {}

  get size() {
    return this.byId.size;
  }

  async ready(): Promise<this> {
    if (!this.loading) this.loading = this.load();
    await this.loading;
    // Writes by other instances arrive in the background; ranking never waits for the sync.
    if (Date.now() - this.lastSyncAt > this.syncMs && !this.syncing) {
      this.syncing = this.sync()
        .catch(() => {})
        .finally(() => (this.syncing = undefined));
    }
    return this;
  }

  get(id: string): MemberProfile | undefined {
    return this.byId.get(id);
  }

  entry(id: string): MemberEntry | undefined {
    return this.entries.get(id);
  }

  /** Ids of the members with this expertise id visible (live view: do not keep across awaits). */
  holders(expertiseId: string): ReadonlySet<string> {
    return this.byExpertise.get(expertiseId) ?? NO_MEMBERS;
  }

  /** Members with any of these expertise ids visible on their profile. */
  withExpertise(ids: readonly string[]): string[] {
    const out = new Set<string>();
    for (const id of ids) for (const m of this.byExpertise.get(id) ?? []) out.add(m);
    return [...out];
  }

  all(): IterableIterator<MemberProfile> {
    return this.byId.values();
  }

  /** Re-reads one member after a write in this process. */
  async touch(id: string): Promise<void> {
    if (!this.loading) return; // not loaded yet: the first load reads it anyway
    await this.loading;
    const m = await Member.findById(id).lean();
    if (m) this.put(toProfile(m as LeanMember), (m as any).updatedAt);
    else this.remove(id);
  }

  private async load() {
    this.lastSyncAt = Date.now();
    for await (const m of Member.find().lean().cursor()) {
      this.put(toProfile(m as LeanMember), (m as any).updatedAt);
      this.bump((m as any).updatedAt);
    }
  }

  private async sync() {
    this.lastSyncAt = Date.now();
    // 1 s overlap absorbs clock skew between instances; re-putting a member is harmless.
    const since = new Date(this.syncedUpTo.getTime() - 1000);
    const changed = await Member.find({ updatedAt: { $gte: since } }).lean();
    for (const m of changed) {
      const at = (m as any).updatedAt as Date | undefined;
      if (!at || this.stamps.get(String(m._id)) !== at.getTime()) this.put(toProfile(m as LeanMember), at);
      this.bump(at);
    }
  }

  private bump(at?: Date) {
    if (at && at > this.syncedUpTo) this.syncedUpTo = at;
  }

  private put(p: MemberProfile, updatedAt?: Date) {
    this.remove(p.id);
    this.version++;
    if (updatedAt) this.stamps.set(p.id, updatedAt.getTime());
    this.byId.set(p.id, p);
    const levels = new Map<string, number>();
    for (const e of p.expertise) if (e.visible) levels.set(e.id, Math.max(e.level, levels.get(e.id) ?? 0));
    this.entries.set(p.id, { profile: p, levels, languages: memberLanguages(p), listed: p.active && p.consent.shareExpertise });
    for (const e of p.expertise) {
      if (!e.visible) continue;
      let set = this.byExpertise.get(e.id);
      if (!set) this.byExpertise.set(e.id, (set = new Set()));
      set.add(p.id);
    }
  }

  private remove(id: string) {
    const old = this.byId.get(id);
    if (!old) return;
    this.version++;
    this.stamps.delete(id);
    for (const e of old.expertise) this.byExpertise.get(e.id)?.delete(id);
    this.byId.delete(id);
    this.entries.delete(id);
  }
}

// One snapshot per running service (tests start several in one process, one after another).
const snapshots = new WeakMap<Deps, MemberSnapshot>();

export function memberSnapshot(deps: Deps): MemberSnapshot {
  let s = snapshots.get(deps);
  if (!s) snapshots.set(deps, (s = new MemberSnapshot(deps.sharedDatabase ? SYNC_MS : EMBEDDED_SYNC_MS)));
  return s;
}
