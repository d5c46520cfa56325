// Executes due jobs. Claiming is one atomic findOneAndUpdate, so several instances never run a job twice;
// a job whose runner died is picked up again when its lock expires. Locks name their owner (host, pid,
// instance), so a restarted process takes over the jobs of a dead predecessor on this host at once.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "../logger";
import { Job } from "../models/job";
import { setJobWaker } from "./wake";

export interface LockOwner {
  host: string;
  pid: number;
  instance: string;
}

/** Whether a process of this host is still running (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type JobHandler = (payload: Record<string, unknown>, job: { id: string; runAt: Date }) => Promise<void>;

export interface RunnerOptions {
  now: () => Date;
  logger: Logger;
  pollMs?: number;
  lockMs?: number;
  maxAttempts?: number;
  /** Who this runner's locks belong to (default: this host, this process, a fresh instance id). */
  owner?: LockOwner;
  isAlive?: (pid: number) => boolean;
}

export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private loop?: () => Promise<void>;
  private busy = false;
  private wakeAgain = false;
  readonly owner: LockOwner;

  constructor(private opts: RunnerOptions) {
    this.owner = opts.owner ?? { host: hostname(), pid: process.pid, instance: randomUUID() };
  }

  register(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  start(): void {
    this.stopped = false;
    let first = true;
    const loop = async () => {
      if (this.stopped) return;
      this.busy = true;
      this.wakeAgain = false;
      if (first) {
        first = false;
        await this.reclaimOrphans().catch((err) => this.opts.logger.warn({ err: String(err) }, "reclaiming orphaned jobs failed"));
      }
      this.running = this.drain().catch((err) => this.opts.logger.warn({ err: String(err) }, "job poll failed"));
      await this.running;
      this.busy = false;
      if (!this.stopped) this.timer = setTimeout(loop, this.wakeAgain ? 0 : (this.opts.pollMs ?? 1000));
    };
    this.loop = loop;
    setJobWaker(() => this.wake());
    void loop();
  }

  /** Polls now instead of at the next tick (work that should not wait a poll interval, e.g. notifications). */
  wake(): void {
    if (this.stopped || !this.loop) return;
    if (this.busy) {
      this.wakeAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(this.loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Puts back to pending the running jobs whose lock belongs to a dead process of this host (e.g. this
   * service before a SIGKILL), instead of waiting for the lock to expire. Locks of live processes and of
   * other hosts are left alone. Returns how many were reclaimed.
   */
  async reclaimOrphans(): Promise<number> {
    const isAlive = this.opts.isAlive ?? processAlive;
    const held = await Job.find(
      { status: "running", "lockedBy.host": this.owner.host, "lockedBy.instance": { $ne: this.owner.instance } },
      { lockedBy: 1 },
    ).lean();
    // The same pid with another instance id is a predecessor whose pid was reused (containers: pid 1).
    const orphans = held.filter((j) => j.lockedBy?.pid === this.owner.pid || !isAlive(j.lockedBy?.pid ?? -1));
    let count = 0;
    for (const j of orphans) {
      const res = await Job.updateOne(
        { _id: j._id, status: "running", "lockedBy.instance": j.lockedBy!.instance },
        { $set: { status: "pending" }, $unset: { lockedUntil: 1, lockedBy: 1 } },
      );
      count += res.modifiedCount;
    }
    if (count) this.opts.logger.warn({ count }, "took over jobs left running by a dead process");
    return count;
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
        $or: [
          { status: "pending", runAt: { $lte: now } },
          { status: "running", lockedUntil: { $lte: now } },
        ],
      },
      { $set: { status: "running", lockedUntil: new Date(now.getTime() + (this.opts.lockMs ?? 60_000)), lockedBy: this.owner }, $inc: { attempts: 1 } },
      { sort: { runAt: 1 }, returnDocument: "after" },
    );
    if (!job) return false;
    const handler = this.handlers.get(job.type)!;
    try {
      await handler(job.payload ?? {}, { id: job.id, runAt: job.runAt });
      await Job.updateOne({ _id: job._id, status: "running" }, { $set: { status: "done", doneAt: this.opts.now() }, $unset: { lockedUntil: 1, lockedBy: 1 } });
    } catch (err) {
      const failed = job.attempts >= (this.opts.maxAttempts ?? 5);
      this.opts.logger.error({ err, jobType: job.type, jobId: job.id, attempts: job.attempts }, "job failed");
      // Back off before the next attempt: 10 s, 20 s, 40 s ...
      const retryAt = new Date(this.opts.now().getTime() + 10_000 * 2 ** (job.attempts - 1));
      await Job.updateOne(
        { _id: job._id },
        {
          $set: { status: failed ? "failed" : "pending", runAt: failed ? job.runAt : retryAt, lastError: String((err as Error)?.message ?? err) },
          $unset: { lockedUntil: 1, lockedBy: 1 },
        },
      );
    }
    return true;
  }
}
