// The call log's pages in the database: appending a page of call writes, and reading the calls of a time
// range back. A call's lines are merged in the order they were written (pages by `to`, lines in page
// order), as `$set` would have merged them: the decision first, its outcome later, often in a later page.
// Appending is never refused and retrying it is harmless: a line written twice merges to the same call.
import { randomUUID } from "node:crypto";
import mongoose from "mongoose";
import { HelplineCallPage, type HelplineCallRecord } from "../models/helpline-call";

export type CallFields = Record<string, unknown>;
export type CallWrite = [callId: string, fields: CallFields];
interface PageDoc {
  _id: string;
  from: Date;
  to: Date;
  lines: string[];
}

const DATE_FIELDS = ["calledAt", "decidedAt", "outcomeAt"] as const;
/** Outcomes arrive after the call; a range read looks this far past its end for them. */
export const OUTCOME_WITHIN_MS = 24 * 3_600_000;

/** One page holding the given writes; fields left undefined are not stored. */
export function toPage(writes: CallWrite[], id: string = randomUUID()): PageDoc {
  let from = Infinity;
  let to = -Infinity;
  const lines = writes.map(([callId, fields]) => {
    for (const f of DATE_FIELDS) {
      const t = (fields[f] as Date | undefined)?.getTime();
      if (t === undefined || Number.isNaN(t)) continue;
      if (t < from) from = t;
      if (t > to) to = t;
    }
    return JSON.stringify({ ...fields, _id: callId });
  });
  // A page of writes without a time (none are made so) is filed under now, so a range read still finds it.
  if (from > to) from = to = Date.now();
  return { _id: id, from: new Date(from), to: new Date(to), lines };
}

function parseLine(line: string): HelplineCallRecord {
  const call = JSON.parse(line) as HelplineCallRecord & Record<string, unknown>;
  for (const f of DATE_FIELDS) if (typeof call[f] === "string") call[f] = new Date(call[f] as string);
  return call;
}

/** The calls in the lines given in the order they were written, each merged from all its lines. */
export function mergeLines(lines: HelplineCallRecord[]): HelplineCallRecord[] {
  const calls = new Map<string, HelplineCallRecord>();
  for (const line of lines) {
    const prev = calls.get(line._id);
    calls.set(line._id, prev ? Object.assign(prev, line) : line);
  }
  return [...calls.values()];
}

/** The calls in page documents given in the order they were written. */
export function mergePages(pages: Pick<PageDoc, "lines">[]): HelplineCallRecord[] {
  return mergeLines(pages.flatMap((p) => p.lines.map(parseLine)));
}

function collection() {
  return HelplineCallPage.collection as unknown as mongoose.mongo.Collection<PageDoc>;
}

/** Through the driver: one insert, no per-document casting. */
export async function appendCalls(writes: CallWrite[]): Promise<void> {
  if (writes.length) await collection().insertOne(toPage(writes));
}

/**
 * Calls with lines in the pages that overlap [from, to). A call whose decision lies before `from` may come
 * back with only a later line (its outcome), so callers filter on the times they need. Reads pages until more
 * than `limit` calls are found (then `truncated`): the oldest pages first, or the newest with `newest`.
 */
export async function readCalls(q: { from: Date; to?: Date; limit: number; newest?: boolean }) {
  const dir = q.newest ? -1 : 1;
  const cursor = collection().find(
    { to: { $gte: q.from }, ...(q.to ? { from: { $lt: q.to } } : {}) },
    { sort: { to: dir, _id: dir }, projection: { lines: 1 } },
  );
  const pages: HelplineCallRecord[][] = [];
  const ids = new Set<string>();
  let truncated = false;
  for await (const page of cursor) {
    const lines = page.lines.map(parseLine);
    pages.push(lines);
    for (const line of lines) ids.add(line._id);
    if (ids.size > q.limit) {
      truncated = true;
      break;
    }
  }
  if (q.newest) pages.reverse();
  return { calls: mergeLines(pages.flat()), truncated };
}

const LEGACY = "helplinecalls";

/**
 * Once, at start: a call log written one document per call (before pages) moves into pages, 500 calls
 * each, and the old collection is dropped. The pages are written before the drop, so a crash in between
 * at worst writes a call twice, which merges to the same call.
 */
export async function migrateCallDocuments(): Promise<number> {
  const db = mongoose.connection.db!;
  if (!(await db.listCollections({ name: LEGACY }, { nameOnly: true }).toArray()).length) return 0;
  const docs = await db.collection<HelplineCallRecord & Record<string, unknown>>(LEGACY).find({}).toArray();
  const at = (d: HelplineCallRecord) => (d.decidedAt ?? d.calledAt ?? d.outcomeAt)?.getTime() ?? 0;
  docs.sort((a, b) => at(a) - at(b));
  for (let i = 0; i < docs.length; i += 500)
    await appendCalls(
      docs
        .slice(i, i + 500)
        .map(({ _id, callId: _c, createdAt: _a, updatedAt: _u, seedKey: _s, __v: _v, ...fields }) => [
          _id,
          Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)),
        ]),
    );
  await db.dropCollection(LEGACY);
  return docs.length;
}
