// In-memory roster snapshot: the shifts in a window around now plus the phones and units of their
// members. The routing webhook decides from this alone, so it answers while the database is down.
// Refreshes are coalesced and never throw: on failure the previous snapshot stays in use.
import type { Logger } from "../logger";
import { isClientClosed } from "../db/unavailable";
import { Shift } from "../models/shift";
import { Member } from "../models/member";

export interface SnapshotMember {
  phone?: string;
  unitId: string;
  firstName: string;
}

export interface SnapshotData {
  builtAt?: Date;
  from: Date;
  to: Date;
  shifts: { memberId: string; start: Date; end: Date }[];
  members: Map<string, SnapshotMember>;
}

const HOUR = 3_600_000;
/** Looking back 13 h catches a 12 h shift that started before the window; ahead 36 h survives a long outage. */
export const WINDOW = { beforeMs: 13 * HOUR, afterMs: 36 * HOUR };

export const firstName = (name: string | undefined | null) => (name ?? "").trim().split(/\s+/)[0] || "RiB";

export class RosterSnapshot {
  data: SnapshotData = { from: new Date(0), to: new Date(0), shifts: [], members: new Map() };
  lastError?: string;
  private inflight?: Promise<void>;
  private again = false;

  constructor(
    private now: () => Date,
    private logger: Logger,
  ) {}

  /** True when `at` is inside the window with at least 12 h of margin ahead. */
  covers(at: Date): boolean {
    return !!this.data.builtAt && at >= new Date(this.data.from.getTime() + WINDOW.beforeMs - HOUR) && at.getTime() <= this.data.to.getTime() - 12 * HOUR;
  }

  /** Rebuilds from the database; concurrent calls share one run, a call during a run schedules one more. */
  refresh(): Promise<void> {
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    this.inflight = (async () => {
      do {
        this.again = false;
        await this.load().catch((err) => {
          if (isClientClosed(err)) return; // shutting down
          this.lastError = String((err as Error)?.message ?? err);
          this.logger.warn({ err: this.lastError }, "helpline roster snapshot refresh failed; keeping the previous one");
        });
      } while (this.again);
    })().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Fire-and-forget refresh (after a roster change, or when time has moved past the window). */
  refreshSoon(): void {
    void this.refresh();
  }

  private async load(): Promise<void> {
    const now = this.now();
    const from = new Date(now.getTime() - WINDOW.beforeMs);
    const to = new Date(now.getTime() + WINDOW.afterMs);
    const shifts = await Shift.find({ start: { $lt: to }, end: { $gt: from } }, { memberId: 1, start: 1, end: 1 }).lean();
    const ids = [...new Set(shifts.map((s) => s.memberId))];
    const members = ids.length ? await Member.find({ _id: { $in: ids } }, { phone: 1, unitId: 1, name: 1, active: 1, networks: 1 }).lean() : [];
    const map = new Map<string, SnapshotMember>();
    for (const m of members) {
      // Only approved Roze in Blauw members answer the helpline, whatever the roster says.
      if (m.active === false || !(m.networks ?? []).includes("roze-in-blauw")) continue;
      map.set(String(m._id), { phone: m.phone ?? undefined, unitId: m.unitId, firstName: firstName(m.name) });
    }
    this.data = {
      builtAt: now,
      from,
      to,
      shifts: shifts.filter((s) => map.has(s.memberId)).map((s) => ({ memberId: s.memberId, start: s.start, end: s.end })),
      members: map,
    };
    this.lastError = undefined;
  }
}
