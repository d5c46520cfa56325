// Buffered call log: the webhook records writes here and returns; a background loop flushes them
// to MongoDB and keeps them (bounded) while the database is unreachable. Writes for the same call
// are merged (decision + outcome become one upsert), which also keeps the buffer small.
import type { Logger } from "../logger";
import type mongoose from "mongoose";
import { HelplineCall } from "../models/helpline-call";

export const MAX_BUFFERED = 100_000;
const BATCH = 500;
const MAX_WRITTEN = 50_000;

/**
 * Positions refused as duplicates by an unordered insertMany; none when anything else failed too (then
 * the whole batch is retried: re-inserting is refused as a duplicate and becomes an upsert, so it is harmless).
 */
function duplicateIndexes(err: unknown, size: number): number[] {
  const e = err as { code?: number; writeErrors?: { index: number; code?: number; err?: { code?: number } }[] };
  const errors = e.writeErrors ?? (e.code === 11000 && size === 1 ? [{ index: 0, code: 11000 }] : []);
  if (!errors.length || errors.some((w) => (w.code ?? w.err?.code) !== 11000)) return [];
  return errors.map((w) => w.index);
}

type Fields = Record<string, unknown>;
type CallDoc = { _id: string } & Fields;

export class CallLog {
  private queue = new Map<string, Fields>();
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private inFlight = new Set<string>();
  /** Calls known to be in the database (most recent last), so their later writes go straight to an upsert. */
  private written = new Set<string>();
  dropped = 0;
  failing = false;

  constructor(private logger: Logger) {}

  /** Calls whose latest fields are not yet in the database (queued or being written). */
  get pending(): number {
    let n = this.queue.size;
    // A call being written may have been written to again meanwhile; it is still one call.
    for (const callId of this.inFlight) if (!this.queue.has(callId)) n++;
    return n;
  }

  /** Upsert by callId with `$set` only, so re-applying after a partial failure is harmless. */
  write(callId: string, set: Fields): void {
    const prev = this.queue.get(callId);
    this.queue.set(callId, prev ? { ...prev, ...set } : set);
    if (this.queue.size > MAX_BUFFERED) {
      // Memory is the last line of defence; losing old log lines beats losing the process.
      const oldest = this.queue.keys().next().value;
      if (oldest !== undefined) this.queue.delete(oldest);
      if (this.dropped++ % 1000 === 0) this.logger.error({ dropped: this.dropped }, "helpline call log buffer full; dropping oldest entries");
    }
  }

  /** Writes everything buffered so far; on failure the batch goes back. Never throws. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (!this.queue.size) return Promise.resolve();
    return (this.flushing = (async () => {
      // Start on the next tick so `finally` below cannot run before `this.flushing` is assigned.
      await Promise.resolve();
      try {
        while (this.queue.size) {
          // The oldest BATCH entries, without copying the whole queue (100,000 after a long outage).
          const batch: [string, Fields][] = [];
          for (const entry of this.queue) if (batch.push(entry) >= BATCH) break;
          for (const [callId] of batch) this.queue.delete(callId);
          this.inFlight = new Set(batch.map(([callId]) => callId));
          try {
            await this.persist(batch);
            if (this.failing) this.logger.info("helpline call log flushing again");
            this.failing = false;
          } catch (err) {
            // Put the batch back under anything written for the same calls meanwhile.
            for (const [callId, set] of batch) this.queue.set(callId, { ...set, ...this.queue.get(callId) });
            if (!this.failing)
              this.logger.warn({ err: String((err as Error)?.message ?? err), pending: this.queue.size }, "helpline call log flush failed; will retry");
            this.failing = true;
            return;
          } finally {
            this.inFlight.clear();
          }
        }
      } finally {
        this.flushing = undefined;
      }
    })());
  }

  /**
   * Through the driver, not Mongoose's per-document casting (a measurable share of the webhook's CPU at
   * hundreds of calls a second); fields left undefined are not stored at all (not as null). Calls not
   * written before are inserted, which costs the embedded store a quarter of an upsert; one that exists
   * after all (an outcome after a restart) is refused as a duplicate and upserted.
   */
  private async persist(batch: [string, Fields][]) {
    const collection = HelplineCall.collection as unknown as mongoose.mongo.Collection<CallDoc>;
    const upserts: [string, Fields][] = [];
    const fresh: [string, Fields][] = [];
    for (const call of batch) (this.written.has(call[0]) ? upserts : fresh).push(call);
    if (fresh.length) {
      try {
        await collection.insertMany(
          fresh.map(([callId, set]) => ({ ...set, _id: callId })),
          { ordered: false, ignoreUndefined: true },
        );
      } catch (err) {
        const dup = new Set(duplicateIndexes(err, fresh.length));
        if (!dup.size) throw err;
        upserts.push(...fresh.filter((_, i) => dup.has(i)));
      }
    }
    if (upserts.length)
      await collection.bulkWrite(
        upserts.map(([callId, set]) => ({
          updateOne: { filter: { _id: callId }, update: { $set: set }, upsert: true },
        })),
        { ordered: false, ignoreUndefined: true },
      );
    for (const [callId] of batch) {
      this.written.delete(callId);
      this.written.add(callId);
    }
    for (const callId of this.written) {
      if (this.written.size <= MAX_WRITTEN) break;
      this.written.delete(callId); // oldest first; a forgotten call is upserted after one refused insert
    }
  }

  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = async () => {
      await this.flush();
      if (this.stopped) return;
      // Back off while the database is away, so retries do not pile up.
      this.timer = setTimeout(tick, this.failing ? Math.max(intervalMs, 5000) : intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, intervalMs);
    this.timer.unref();
  }

  async stop(timeoutMs = 3000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
