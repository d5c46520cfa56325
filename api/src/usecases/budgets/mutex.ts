// A mutex over one key (a time entry, a member's hours), built on a unique insert. Held for a few
// database round trips; a crashed holder's lock expires after `ttlMs`.
import { randomUUID } from "node:crypto";
import { problem } from "../../http/problem";
import { BudgetLock } from "../../models/budget-lock";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

// Waiters in this process queue here, in order, and only the first of them competes for the lock in
// the database: twenty simultaneous writes for one member no longer poll the store with inserts and
// deletes while the holder works (which slowed the holder down until waiters gave up with 503 on a
// loaded machine). The database lock still serialises against other instances.
const localTails = new Map<string, Promise<void>>();

export async function withLock<T>(key: string, fn: () => Promise<T>, opts: { ttlMs?: number; waitMs?: number } = {}): Promise<T> {
  const prev = localTails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = prev.then(() => mine);
  localTails.set(key, tail);
  await prev;
  try {
    return await withStoreLock(key, fn, opts);
  } finally {
    release();
    if (localTails.get(key) === tail) localTails.delete(key);
  }
}

async function withStoreLock<T>(key: string, fn: () => Promise<T>, opts: { ttlMs?: number; waitMs?: number }): Promise<T> {
  const ttlMs = opts.ttlMs ?? 10_000;
  const deadline = Date.now() + (opts.waitMs ?? 15_000);
  const owner = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      await BudgetLock.create({ _id: key, owner, expiresAt: new Date(Date.now() + ttlMs) });
      break;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      // Take over a lock whose holder died; a live holder's lock is never expired.
      await BudgetLock.deleteOne({ _id: key, expiresAt: { $lt: new Date() } });
      if (Date.now() > deadline) throw problem(503, "Busy", "Too many simultaneous changes; try again", undefined, "busy");
      await sleep(Math.min(200, 5 + attempt * 5) * (0.5 + Math.random()));
    }
  }
  try {
    return await fn();
  } finally {
    await BudgetLock.deleteOne({ _id: key, owner });
  }
}

/** Runs `fn` holding every key, taken in sorted order so that two callers never deadlock. */
export async function withLocks<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const run = (i: number): Promise<T> => (i === sorted.length ? fn() : withLock(sorted[i]!, () => run(i + 1)));
  return run(0);
}

export const entryLock = (entryId: string) => `time-entry:${entryId}`;
/** Every change to a member's hours (day counters, yearly totals) happens under this lock. */
export const memberLock = (memberId: string) => `time-member:${memberId}`;
