// Executes due jobs. Claiming is one atomic findOneAndUpdate, so several instances never run a job twice;
// a job whose runner died is picked up again when its lock expires.
import type { Logger } from "../logger";
import { Job } from "../models/job";

export type JobHandler = (payload: Record<string, unknown>, job: { id: string; runAt: Date }) => Promise<void>;

export interface RunnerOptions {
  now: () => Date;
  logger: Logger;
  pollMs?: number;
  lockMs?: number;
  maxAttempts?: number;
}

export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(private opts: RunnerOptions) {}

  register(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.drain().catch((err) => this.opts.logger.warn({ err: String(err) }, "job poll failed"));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs ?? 1000);
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job that is due now; returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (!this.stopped && (await this.runOne())) count++;
    return count;
  }

  private async runOne(): Promise<boolean> {
    const now = this.opts.now();
    const job = await Job.findOneAndUpdate(
      {
        type: { $in: [...this.handlers.keys()] },
        $or: [{ status: "pending", runAt: { $lte: now } }, { status: "running", lockedUntil: { $lte: now } }],
      },
      { $set: { status: "running", lockedUntil: new Date(now.getTime() + (this.opts.lockMs ?? 60_000)) }, $inc: { attempts: 1 } },
      { sort: { runAt: 1 }, returnDocument: "after" },
    );
    if (!job) return false;
    const handler = this.handlers.get(job.type)!;
    try {
      await handler(job.payload ?? {}, { id: job.id, runAt: job.runAt });
      await Job.updateOne({ _id: job._id, status: "running" }, { $set: { status: "done", doneAt: this.opts.now() }, $unset: { lockedUntil: 1 } });
    } catch (err) {
      const failed = job.attempts >= (this.opts.maxAttempts ?? 5);
      this.opts.logger.error({ err, jobType: job.type, jobId: job.id, attempts: job.attempts }, "job failed");
      // Back off before the next attempt: 10 s, 20 s, 40 s ...
      const retryAt = new Date(this.opts.now().getTime() + 10_000 * 2 ** (job.attempts - 1));
      await Job.updateOne(
        { _id: job._id },
        { $set: { status: failed ? "failed" : "pending", runAt: failed ? job.runAt : retryAt, lastError: String((err as Error)?.message ?? err) }, $unset: { lockedUntil: 1 } },
      );
    }
    return true;
  }
}
