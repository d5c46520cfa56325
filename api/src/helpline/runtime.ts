// Per-service helpline state held in memory: the roster snapshot, the call log buffer, who is on a
// call, who was routed to last, and the decisions per callId (idempotency). One per Deps, so tests
// that start several services in one process do not share it.
import type { Deps } from "../deps";
import { HelplineCall } from "../models/helpline-call";
import { CallLog } from "./call-log";
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
export const REFRESH_MS = 30_000;

export class HelplineRuntime {
  readonly callLog: CallLog;
  readonly snapshot: RosterSnapshot;
  readonly busy = new Map<string, { callId: string; at: number }>();
  readonly lastRouted = new Map<string, Date>();
  readonly decisions = new Map<string, StoredDecision>();
  private timer?: NodeJS.Timeout;

  constructor(private deps: Deps) {
    this.callLog = new CallLog(deps.logger);
    this.snapshot = new RosterSnapshot(deps.now, deps.logger, (now) => this.loadRecentCalls(now));
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
    if (this.decisions.size > MAX_DECISIONS) {
      const oldest = this.decisions.keys().next().value;
      if (oldest !== undefined) this.decisions.delete(oldest);
    }
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
   */
  private async loadRecentCalls(now: Date): Promise<void> {
    const since = new Date(now.getTime() - DECISION_TTL_MS);
    const calls = await HelplineCall.find(
      { decidedAt: { $gte: since } },
      { callId: 1, action: 1, targetPhone: 1, targetUnitId: 1, memberId: 1, reason: 1, decidedAt: 1, outcome: 1 },
    )
      .sort({ decidedAt: 1 })
      .limit(20_000)
      .lean();
    for (const c of calls) {
      if (!c.action || !c.targetPhone || !c.decidedAt) continue;
      const known = this.decisions.get(c.callId);
      if (!known) {
        this.remember({
          callId: c.callId,
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
        const outcome = c.outcome ?? this.decisions.get(c.callId)?.outcome;
        if (!outcome && now.getTime() - c.decidedAt.getTime() < BUSY_MS && !this.busy.has(c.memberId)) {
          this.busy.set(c.memberId, { callId: c.callId, at: c.decidedAt.getTime() });
        }
      }
    }
  }

  /** Periodic snapshot refresh and call log flushing; the first refresh is awaited at start-up. */
  async start(): Promise<void> {
    await this.snapshot.refresh();
    this.callLog.start();
    const tick = () => {
      this.snapshot.refreshSoon();
      this.timer = setTimeout(tick, REFRESH_MS);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, REFRESH_MS);
    this.timer.unref();
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
