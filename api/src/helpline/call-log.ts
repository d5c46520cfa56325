// Buffered call log: the webhook records writes here and returns; a background loop flushes them
// to MongoDB, one page per batch (helpline/call-store.ts), and keeps them (bounded) while the database
// is unreachable. Writes for the same call not yet flushed are merged (decision + outcome become one
// line), which also keeps the buffer small.
import type { Logger } from "../logger";
import { appendCalls, type CallFields, type CallWrite } from "./call-store";

export const MAX_BUFFERED = 100_000;
const BATCH = 500;

export class CallLog {
  private queue = new Map<string, CallFields>();
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private inFlight = new Set<string>();
  dropped = 0;
  failing = false;

  constructor(
    private logger: Logger,
    private readonly max = MAX_BUFFERED,
  ) {}

  /** Calls whose latest fields are not yet in the database (queued or being written). */
  get pending(): number {
    let n = this.queue.size;
    // A call being written may have been written to again meanwhile; it is still one call.
    for (const callId of this.inFlight) if (!this.queue.has(callId)) n++;
    return n;
  }

  /** Fields of a call, merged like `$set` into what is buffered for it, so re-applying after a failure is harmless. */
  write(callId: string, set: CallFields): void {
    const prev = this.queue.get(callId);
    this.queue.set(callId, prev ? { ...prev, ...set } : set);
    if (this.queue.size > this.max) this.dropOldest();
  }

  /**
   * Memory is the last line of defence; losing old log lines beats losing the process. The oldest
   * hundredth goes at once, in one walk: deleting the oldest key on every write made each write slower
   * than the last (V8 walks the deleted slots at a map's front: 8 → 41 µs per write over the first
   * 100,000 writes to a full buffer; now under 2 µs).
   */
  private dropOldest(): void {
    let drop = this.queue.size - this.max + Math.ceil(this.max / 100);
    this.dropped += drop;
    for (const callId of this.queue.keys()) {
      if (drop-- <= 0) break;
      this.queue.delete(callId);
    }
    this.logger.error({ dropped: this.dropped }, "helpline call log buffer full; dropping oldest entries");
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
          const batch: CallWrite[] = [];
          for (const entry of this.queue) if (batch.push(entry) >= BATCH) break;
          for (const [callId] of batch) this.queue.delete(callId);
          this.inFlight = new Set(batch.map(([callId]) => callId));
          try {
            await appendCalls(batch); // a retried batch only writes its lines again
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
