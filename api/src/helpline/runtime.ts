// Per-service helpline state held in memory: the roster snapshot, the call log buffer, who is on a
// call, who was routed to last, and the decisions per callId (idempotency). One per Deps, so tests
// that start several services in one process do not share it.
import type { Deps } from "../deps";
import { isClientClosed } from "../db/unavailable";
import { CallLog } from "./call-log";
import { readCalls } from "./call-store";
import { RecentMap } from "../domain/recent-map";
import { RosterSnapshot } from "./snapshot";

export interface StoredDecision {
  callId: string;
  action: "member" | "rsc";
  target: { phone: string; unitId?: string };
  memberId?: string;
  reason: string;
  decidedAt: Date;
  outcome?: string;
}

/** A call routed to a member counts as "on the line" until its outcome arrives or this passes. */
export const BUSY_MS = 30 * 60_000;
const DECISION_TTL_MS = 24 * 3_600_000;
const MAX_DECISIONS = 200_000;
const RECENT_CALLS = 20_000;
export const REFRESH_MS = 30_000;

export class HelplineRuntime {
  readonly callLog: CallLog;
  readonly snapshot: RosterSnapshot;
  readonly busy = new Map<string, { callId: string; at: number }>();
  readonly lastRouted = new Map<string, Date>();
  readonly decisions = new RecentMap<string, StoredDecision>(MAX_DECISIONS);
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private callsLoaded = false;

  constructor(private deps: Deps) {
    this.callLog = new CallLog(deps.logger);
    this.snapshot = new RosterSnapshot(deps.now, deps.logger);
  }

  busyMemberIds(now: Date): Set<string> {
    const ids = new Set<string>();
    for (const [memberId, b] of this.busy) {
      if (now.getTime() - b.at < BUSY_MS) ids.add(memberId);
      else this.busy.delete(memberId);
    }
    return ids;
  }

  remember(d: StoredDecision): void {
    this.decisions.set(d.callId, d);
  }

  recall(callId: string, now: Date): StoredDecision | undefined {
    const d = this.decisions.get(callId);
    if (d && now.getTime() - d.decidedAt.getTime() > DECISION_TTL_MS) {
      this.decisions.delete(callId);
      return undefined;
    }
    return d;
  }

  /**
   * Recent calls from the log, so idempotency, busy members and the routing order survive a restart
   * and see calls routed by other instances. Memory wins where it knows more (outcomes not yet flushed).
   * Never throws: without it the webhook still routes, only without what happened before the start.
   */
  private async loadRecentCalls(now: Date): Promise<void> {
    const since = new Date(now.getTime() - DECISION_TTL_MS);
    let calls;
    try {
      // The newest first, so a day with more calls than the limit keeps its most recent ones.
      const read = await readCalls({ from: since, limit: RECENT_CALLS, newest: true });
      calls = read.calls
        .filter((c) => c.decidedAt && c.decidedAt >= since)
        .sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime())
        .slice(0, RECENT_CALLS);
    } catch (err) {
      if (!isClientClosed(err)) this.deps.logger.warn({ err: String((err as Error)?.message ?? err) }, "helpline: recent calls not loaded");
      return;
    }
    this.callsLoaded = true;
    for (const c of calls.reverse()) {
      if (!c.action || !c.targetPhone || !c.decidedAt) continue;
      const known = this.decisions.get(c._id);
      if (!known) {
        this.remember({
          callId: c._id,
          action: c.action,
          target: { phone: c.targetPhone, unitId: c.targetUnitId ?? undefined },
          memberId: c.memberId ?? undefined,
          reason: c.reason ?? "",
          decidedAt: c.decidedAt,
          outcome: c.outcome ?? undefined,
        });
      } else if (c.outcome && !known.outcome) known.outcome = c.outcome;
      if (c.memberId) {
        const last = this.lastRouted.get(c.memberId);
        if (!last || last < c.decidedAt) this.lastRouted.set(c.memberId, c.decidedAt);
        const outcome = c.outcome ?? this.decisions.get(c._id)?.outcome;
        if (!outcome && now.getTime() - c.decidedAt.getTime() < BUSY_MS && !this.busy.has(c.memberId)) {
          this.busy.set(c.memberId, { callId: c._id, at: c.decidedAt.getTime() });
        }
      }
    }
  }

  /**
   * Periodic snapshot refresh and call log flushing; the first refresh and the recent calls are awaited
   * at start-up. Recent calls are read again only from a shared database, or until a first read
   * succeeds: no other process writes to the embedded store, where any filter but `_id` parses every
   * stored page.
   */
  async start(): Promise<void> {
    await this.refresh(); // the recent calls are not loaded yet, so this reads them too
    this.callLog.start();
    const tick = () => {
      void this.refresh();
      this.timer = setTimeout(tick, REFRESH_MS);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, REFRESH_MS);
    this.timer.unref();
  }

  /** What each period does: the roster snapshot, and the recent calls where others may have written some. */
  async refresh(): Promise<void> {
    const calls =
      this.deps.sharedDatabase || !this.callsLoaded
        ? (this.reloading ??= this.loadRecentCalls(this.deps.now()).finally(() => (this.reloading = undefined)))
        : undefined;
    await Promise.all([this.snapshot.refresh(), calls]);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.callLog.stop();
  }
}

const runtimes = new WeakMap<Deps, HelplineRuntime>();

export function helplineFor(deps: Deps): HelplineRuntime {
  let rt = runtimes.get(deps);
  if (!rt) runtimes.set(deps, (rt = new HelplineRuntime(deps)));
  return rt;
}
