// Seeds the default korpsregeling and a year of synthetic time entries (idempotent by seed key).
// Registered in seed/run.ts; imports only types from it so there is no import cycle at run time.
import { createHash } from "node:crypto";
import mongoose from "mongoose";
import { DateTime } from "luxon";
import { BUDGET_ZONE, MAX_HOURS_PER_DAY } from "../api/src/domain/budget";
import { TimeEntry } from "../api/src/models/time-entry";
import { TimeDay } from "../api/src/models/time-day";
import { BudgetTotals } from "../api/src/models/budget-totals";
import { totalsFromEntries, type EntryShape } from "../api/src/usecases/budgets/totals";
import { ensureDefaultPolicy } from "../api/src/usecases/budgets/regulation-data";
import { dayOf, yearOf } from "../api/src/usecases/budgets/compute";
import { generateTimeEntries, type MemberSeed, type TimeEntrySeed } from "./generate";
import type { SeedOptions } from "./run";
import { budgetReadModel } from "../api/src/usecases/budgets/read-model";

const BATCH = 1000;

// Upserts address documents by a deterministic _id: FerretDB answers _id lookups from its primary
// key, whereas a filter on seedKey would scan the collection once per document.
const seedId = (key: string) => new mongoose.Types.ObjectId(createHash("sha1").update(`time-entry:${key}`).digest("hex").slice(0, 24));

/** Writes `entries` for members and rebuilds those members' per-day counters. */
export async function writeTimeEntries(
  entries: (TimeEntrySeed & { memberId: string; seedKey: string })[],
  progress?: SeedOptions["progress"],
): Promise<number> {
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
  // Existing ids are read in one pass: an `$in` per batch would scan the growing collection each time.
  const existing = new Set((await TimeEntry.find({ seedKey: { $exists: true } }, { _id: 1 }).lean()).map((d) => String(d._id)));
  const docs = kept
    .map((e) => ({ ...e, _id: seedId(e.seedKey) }))
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
  for (let i = 0; i < docs.length; i += BATCH) {
    await TimeEntry.insertMany(docs.slice(i, i + BATCH), { ordered: false });
    progress?.("time entries", Math.min(i + BATCH, docs.length), docs.length);
  }
  await countInserted(docs);
  return kept.length;
}

/** Adds freshly inserted entries to the per-day counters and yearly totals (new counter documents in bulk). */
export async function countInserted(docs: (EntryShape & { day: string })[]): Promise<void> {
  const days = new Map<string, { _id: string; memberId: string; day: string; hours: number }>();
  for (const e of docs) {
    if (e.status === "rejected") continue;
    const id = `${e.memberId}:${e.day}`;
    const d = days.get(id) ?? days.set(id, { _id: id, memberId: e.memberId, day: e.day, hours: 0 }).get(id)!;
    d.hours += e.hours;
  }
  const totals = [...totalsFromEntries(docs)].map(([_id, t]) => ({ _id, ...t }));
  await addCounters(TimeDay, [...days.values()], (d) => ({ hours: d.hours }));
  await addCounters(BudgetTotals, totals, (t) => ({
    ...Object.fromEntries(Object.entries(t.hours).map(([k, v]) => [`hours.${k}`, v])),
    ...Object.fromEntries(Object.entries(t.byRequest).map(([k, v]) => [`byRequest.${k}`, v])),
  }));
  budgetReadModel.reset(); // bulk writes behind the budget read model's back
}

async function addCounters<T extends { _id: string }>(model: mongoose.Model<any>, docs: T[], inc: (d: T) => Record<string, number>): Promise<void> {
  if (!docs.length) return;
  // One pass over the collection for the ids that exist; an `$in` per batch would rescan it each time.
  const existing = new Set((await model.find({}, { _id: 1 }).lean()).map((d: { _id: unknown }) => String(d._id)));
  const fresh = docs.filter((d) => !existing.has(d._id));
  for (let i = 0; i < fresh.length; i += BATCH) await model.insertMany(fresh.slice(i, i + BATCH), { ordered: false });
  // Only on a re-run that adds entries to days or years that already have some.
  for (const d of docs.filter((x) => existing.has(x._id))) await model.updateOne({ _id: d._id }, { $inc: inc(d) });
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

/** Benchmarks: `count` pending half-hour entries spread over the members and the past days of this year, inserted with their totals. */
export async function insertPendingEntries(now: Date, memberIds: string[], count: number) {
  const year = DateTime.fromJSDate(now, { zone: BUDGET_ZONE }).year;
  const start = DateTime.fromObject({ year, month: 1, day: 2 }, { zone: BUDGET_ZONE });
  const span = Math.max(1, Math.floor(DateTime.fromJSDate(now, { zone: BUDGET_ZONE }).diff(start, "days").days));
  const entries = Array.from({ length: count }, (_, i) => {
    const day = start.plus({ days: (i * 7) % span });
    return {
      _id: new mongoose.Types.ObjectId(),
      memberId: memberIds[i % memberIds.length]!,
      date: day.toJSDate(),
      day: day.toISODate()!,
      year,
      hours: 0.5,
      category: "network" as const,
      status: "pending" as const,
      createdBy: "bench",
      version: 1,
    };
  });
  for (let i = 0; i < entries.length; i += 1000) await TimeEntry.insertMany(entries.slice(i, i + 1000), { ordered: false });
  await countInserted(entries);
  return entries;
}
