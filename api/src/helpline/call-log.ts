// Buffered call log: the webhook appends writes here and returns; a background loop flushes them
// to MongoDB in order and keeps them (bounded) while the database is unreachable.
import type { AnyBulkWriteOperation } from "mongoose";
import type { Logger } from "../logger";
import { HelplineCall } from "../models/helpline-call";

type Op = AnyBulkWriteOperation<Record<string, unknown>>;

export const MAX_BUFFERED = 100_000;
const BATCH = 1000;

export class CallLog {
  private queue: Op[] = [];
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  dropped = 0;
  failing = false;

  constructor(private logger: Logger) {}

  private inFlight = 0;

  /** Writes not yet in the database (queued or being written). */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Upsert by callId; `$set` only, so re-applying after a partial failure is harmless. */
  write(callId: string, set: Record<string, unknown>): void {
    this.queue.push({ updateOne: { filter: { callId }, update: { $set: set }, upsert: true } });
    if (this.queue.length > MAX_BUFFERED) {
      // Memory is the last line of defence; losing old log lines beats losing the process.
      this.queue.shift();
      if (this.dropped++ % 1000 === 0) this.logger.error({ dropped: this.dropped }, "helpline call log buffer full; dropping oldest entries");
    }
  }

  /** Writes everything buffered so far; on failure the batch goes back to the front. Never throws. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (!this.queue.length) return Promise.resolve();
    return (this.flushing = (async () => {
      // Start on the next tick so `finally` below cannot run before `this.flushing` is assigned.
      await Promise.resolve();
      try {
        while (this.queue.length) {
          const batch = this.queue.splice(0, BATCH);
          this.inFlight = batch.length;
          try {
            await HelplineCall.bulkWrite(batch as never, { ordered: true });
            this.inFlight = 0;
            if (this.failing) this.logger.info("helpline call log flushing again");
            this.failing = false;
          } catch (err) {
            this.inFlight = 0;
            this.queue.unshift(...batch);
            if (!this.failing) this.logger.warn({ err: String((err as Error)?.message ?? err), pending: this.queue.length }, "helpline call log flush failed; will retry");
            this.failing = true;
            return;
          }
        }
      } finally {
        this.flushing = undefined;
      }
    })());
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
    this.timer = undefined;
    await Promise.race([this.flush(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
