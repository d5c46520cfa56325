// Buffered audit writer: `audit()` queues an event and returns; the queue goes to the database in one
// insertMany every FLUSH_MS, when it reaches BATCH events, on `flushAuditLog()` (the audit trail
// route calls it before reading, so a trail always shows what was done before it was asked for) and
// at shutdown (bootstrap.ts). Each event gets its `_id` and `at` when queued, so the trail keeps the
// order in which things happened. The timer is unref'd: it never keeps the process alive.
// What a crash loses is at most FLUSH_MS of audit events; a failed flush keeps its batch (bounded).
import mongoose from "mongoose";
import { AuditEvent } from "../models/audit-event";

const FLUSH_MS = 200;
const BATCH = 500;
const MAX_BUFFERED = 50_000;

export interface AuditRecord {
  actorId: string;
  actorRoles: string[];
  action: string;
  resourceType: string;
  resourceId: string;
  details?: unknown;
}

class AuditLog {
  private queue: (AuditRecord & { _id: mongoose.Types.ObjectId; at: Date })[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  dropped = 0;

  write(r: AuditRecord): void {
    this.queue.push({ ...r, _id: new mongoose.Types.ObjectId(), at: new Date() });
    if (this.queue.length > MAX_BUFFERED) {
      this.queue.splice(0, this.queue.length - MAX_BUFFERED);
      this.dropped++;
    }
    if (this.queue.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, FLUSH_MS);
      this.timer.unref();
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Writes everything queued so far (waits for a flush in progress first). Never throws. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.queue.length) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0, this.queue.length);
    this.flushing = (async () => {
      try {
        for (let i = 0; i < batch.length; i += BATCH) await AuditEvent.insertMany(batch.slice(i, i + BATCH), { ordered: false });
      } catch (err) {
        // Keep what did not make it (duplicates of what did are refused by _id on the retry).
        if ((err as { code?: number }).code !== 11000) {
          this.queue.unshift(...batch);
          if (!this.timer) {
            this.timer = setTimeout(() => {
              this.timer = undefined;
              void this.flush();
            }, FLUSH_MS * 10);
            this.timer.unref();
          }
        }
      } finally {
        this.flushing = undefined;
      }
    })();
    await this.flushing;
  }
}

export const auditLog = new AuditLog();

/** Waits until every audit event queued so far is in the database (or failed to get there). */
export function flushAuditLog(): Promise<void> {
  return auditLog.flush();
}
