// Seeds the default korpsregeling and a year of synthetic time entries (idempotent by seed key).
// Registered in seed/run.ts; imports only types from it so there is no import cycle at run time.
import { createHash } from "node:crypto";
import mongoose from "mongoose";
import { MAX_HOURS_PER_DAY } from "../api/src/domain/budget";
import { TimeEntry } from "../api/src/models/time-entry";
import { TimeDay } from "../api/src/models/time-day";
import { ensureDefaultPolicy } from "../api/src/usecases/budgets/policy-data";
import { dayOf, yearOf } from "../api/src/usecases/budgets/compute";
import { generateTimeEntries, type MemberSeed, type TimeEntrySeed } from "./generate";
import type { SeedOptions } from "./run";

const BATCH = 1000;

// Upserts address documents by a deterministic _id: FerretDB answers _id lookups from its primary
// key, whereas a filter on seedKey would scan the collection once per document.
const seedId = (key: string) => new mongoose.Types.ObjectId(createHash("sha1").update(`time-entry:${key}`).digest("hex").slice(0, 24));

/** Writes `entries` for members and rebuilds those members' per-day counters. */
export async function writeTimeEntries(entries: (TimeEntrySeed & { memberId: string; seedKey: string })[], progress?: SeedOptions["progress"]): Promise<number> {
  // The generator does not know the 12-hours-a-day rule; drop what would break it.
  const perDay = new Map<string, number>();
  const kept = entries.filter((e) => {
    if (e.status === "rejected") return true;
    const k = `${e.memberId}:${dayOf(e.date)}`;
    const h = (perDay.get(k) ?? 0) + e.hours;
    if (h > MAX_HOURS_PER_DAY) return false;
    perDay.set(k, h);
    return true;
  });
  // Existing seeded entries are left alone (a coordinator may have decided on them since); FerretDB
  // is much faster at inserting new documents than at upserting, so only the missing are inserted.
  for (let i = 0; i < kept.length; i += BATCH) {
    const batch = kept.slice(i, i + BATCH).map((e) => ({ ...e, _id: seedId(e.seedKey) }));
    const existing = new Set((await TimeEntry.find({ _id: { $in: batch.map((e) => e._id) } }, { _id: 1 }).lean()).map((d) => String(d._id)));
    const docs = batch
      .filter((e) => !existing.has(String(e._id)))
      .map((e) => ({
        _id: e._id,
        seedKey: e.seedKey,
        memberId: e.memberId,
        date: e.date,
        day: dayOf(e.date),
        year: yearOf(e.date),
        hours: e.hours,
        category: e.category,
        status: e.status,
        note: e.note,
        createdBy: "seed",
        version: 1,
        ...(e.status !== "pending" ? { decidedBy: "seed", decidedAt: e.date } : {}),
        ...(e.status === "rejected" ? { reason: "Geen NDV-werk" } : {}),
      }));
    if (docs.length) await TimeEntry.insertMany(docs, { ordered: false });
    progress?.("time entries", Math.min(i + BATCH, kept.length), kept.length);
  }
  await rebuildDayCounters([...new Set(kept.map((e) => e.memberId))]);
  return kept.length;
}

/** Day counters from the entries themselves (pending and approved count). */
export async function rebuildDayCounters(memberIds: string[]): Promise<void> {
  for (let i = 0; i < memberIds.length; i += BATCH) {
    const ids = memberIds.slice(i, i + BATCH);
    const rows = await TimeEntry.aggregate<{ _id: { m: string; d: string }; h: number }>([
      { $match: { memberId: { $in: ids }, status: { $in: ["pending", "approved"] } } },
      { $group: { _id: { m: "$memberId", d: "$day" }, h: { $sum: "$hours" } } },
    ]);
    if (!rows.length) continue;
    const current = new Map((await TimeDay.find({ memberId: { $in: ids } }, { hours: 1 }).lean()).map((d) => [String(d._id), d.hours]));
    const fresh = rows.filter((r) => !current.has(`${r._id.m}:${r._id.d}`));
    const changed = rows.filter((r) => current.has(`${r._id.m}:${r._id.d}`) && current.get(`${r._id.m}:${r._id.d}`) !== r.h);
    if (fresh.length) await TimeDay.insertMany(fresh.map((r) => ({ _id: `${r._id.m}:${r._id.d}`, memberId: r._id.m, day: r._id.d, hours: r.h })), { ordered: false });
    for (const r of changed) await TimeDay.updateOne({ _id: `${r._id.m}:${r._id.d}` }, { $set: { hours: r.h } });
  }
}

export async function seedTimeEntries(members: { id: string; seed: MemberSeed }[], opts: SeedOptions): Promise<Record<string, number>> {
  await ensureDefaultPolicy();
  const year = yearOf(opts.now);
  const ids = new Map(members.map((m) => [m.seed.key, m.id]));
  const generated = generateTimeEntries({ members: members.map((m) => m.seed), year, seed: opts.seed, now: opts.now });
  const counters = new Map<string, number>();
  const entries = generated.map((e) => {
    const n = (counters.get(e.memberKey) ?? 0) + 1;
    counters.set(e.memberKey, n);
    return { ...e, memberId: ids.get(e.memberKey)!, seedKey: `${year}:${e.memberKey}:${n}` };
  });
  return { timeEntries: await writeTimeEntries(entries, opts.progress) };
}
