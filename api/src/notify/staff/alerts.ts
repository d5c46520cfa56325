// Staff alerts by e-mail (issue 13 item 6). They follow the live events that already carry the
// right audience: "coordinator:alert" (a request stuck at the coordinators), "request:updated"
// with status unfilled, "budget:alert" (80 % / 100 %) go to the coordinators covering the unit or
// network; "helpline:gaps" (the 06:00 look-ahead) and a removed shift go to the planners. Each
// becomes a StaffAlert per person, mailed at once or in the 07:00 digest by their preference, by
// durable jobs (a refusing mail server is retried with the runner's backoff, never in the event path).
import type { Deps } from "../../deps";
import type { JobRunner } from "../../jobs/runner";
import { activeJob, scheduleJob } from "../../jobs/queue";
import { Request } from "../../models/request";
import { StaffAlert } from "../../models/staff-alert";
import type { Audience, EventName } from "../../realtime/notifier";
import { unitById } from "../../reference";
import { getCoverage, LOOKAHEAD_DAYS } from "../../usecases/helpline/coverage";
import { composeStaffMail, nextDigestRun, type StaffAlertItem } from "../../domain/staff-alerts";
import { mailEnabled, sendMail } from "../mailer";
import { coordinatorsCovering, helplinePlanners, type StaffRecipient } from "./recipients";
import { staffPreferences } from "./preferences";

export const STAFF_SEND_JOB = "staff.send";
export const STAFF_DIGEST_JOB = "staff.digest";
export const STAFF_SHIFT_REMOVED_JOB = "staff.shift-removed";
const DIGEST_KEY = "staff.digest.daily";

const unitName = (id: string) => unitById(id)?.name ?? id;

/** Stores the item for each recipient who wants it, and queues the at-once mails. */
export async function recordStaffAlert(deps: Deps, recipients: StaffRecipient[], key: string, item: StaffAlertItem, opts: { alwaysAtOnce?: boolean } = {}) {
  if (!recipients.length) return;
  const prefs = await staffPreferences(recipients.map((r) => r.id));
  const now = deps.now();
  for (const r of recipients) {
    const p = prefs.get(r.id);
    if (!p || p.digest === "off") continue;
    const mode = p.digest === "daily" && !opts.alwaysAtOnce ? "daily" : "immediate";
    try {
      await StaffAlert.create({ userId: r.id, key, mode, item, createdAt: now });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) continue; // this person has it already
      throw err;
    }
    if (mode === "immediate") await scheduleJob(STAFF_SEND_JOB, now, { userId: r.id, mode }, `${STAFF_SEND_JOB}.immediate.${r.id}`);
  }
}

type RequestItem = Extract<StaffAlertItem, { kind: "request-unanswered" | "request-unfilled" }>;

async function requestItem(kind: RequestItem["kind"], id: string, at: Date): Promise<RequestItem | undefined> {
  const r = await Request.findById(id, { number: 1, unitId: 1, urgency: 1 })
    .lean()
    .catch(() => null);
  if (!r) return undefined;
  return { kind, requestId: String(r._id), number: r.number, unitId: r.unitId, urgency: r.urgency, at: at.toISOString() };
}

/** Turns one live event into staff alerts (called after the event went out; never throws). */
export async function onLiveEvent(deps: Deps, audience: Audience, event: EventName, payload: unknown): Promise<void> {
  const p = (payload ?? {}) as Record<string, unknown>;
  const now = deps.now();
  if ((event === "coordinator:alert" && p.kind === "request-unanswered") || (event === "request:updated" && p.status === "unfilled")) {
    const kind = event === "coordinator:alert" ? "request-unanswered" : "request-unfilled";
    const item = await requestItem(kind, String(p.id), now);
    if (item) await recordStaffAlert(deps, await coordinatorsCovering({ unitId: item.unitId }), `${kind}:${String(p.id)}`, item);
  } else if (event === "budget:alert" && audience.scope?.unitId) {
    const level = p.level === 100 ? 100 : 80;
    const item: StaffAlertItem = {
      kind: "budget",
      unitId: audience.scope.unitId,
      level,
      year: Number(p.year),
      ...(typeof p.allotted === "number" ? { allotted: p.allotted } : {}),
      ...(typeof p.used === "number" ? { used: p.used } : {}),
      at: now.toISOString(),
    };
    await recordStaffAlert(deps, await coordinatorsCovering(audience.scope), `budget:${String(p.memberId)}:${item.year}:${level}`, item);
  } else if (event === "helpline:gaps" && Array.isArray(p.gaps)) {
    // The 06:00 look-ahead: planners hear every morning, also when the week is covered.
    const gaps = (p.gaps as { start: string; end: string }[]).map((g) => ({ start: g.start, end: g.end }));
    const day = String(p.from ?? now.toISOString()).slice(0, 10);
    await recordStaffAlert(
      deps,
      await helplinePlanners(),
      `coverage:daily:${day}`,
      { kind: "coverage", reason: "daily", gaps, at: now.toISOString() },
      { alwaysAtOnce: true },
    );
  }
}

/** A removed shift: queued durably; the job tells planners about the gaps it left (if any). */
export async function shiftRemoved(deps: Deps, shift: { id: string; start: Date; end: Date }): Promise<void> {
  await scheduleJob(STAFF_SHIFT_REMOVED_JOB, deps.now(), { shiftId: shift.id, start: shift.start.toISOString(), end: shift.end.toISOString() });
}

async function handleShiftRemoved(deps: Deps, payload: Record<string, unknown>) {
  const now = deps.now();
  const start = new Date(String(payload.start));
  const end = new Date(String(payload.end));
  const horizon = new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  if (end <= now || start >= horizon) return; // outside the coming 7 days: the morning report covers it
  const coverage = await getCoverage({ from: now, to: horizon });
  const gaps = coverage.gaps.filter((g) => new Date(g.start) < end && new Date(g.end) > start);
  if (!gaps.length) return; // another shift still covers those hours
  const item: StaffAlertItem = {
    kind: "coverage",
    reason: "shift-removed",
    gaps,
    removed: { start: start.toISOString(), end: end.toISOString() },
    at: now.toISOString(),
  };
  await recordStaffAlert(deps, await helplinePlanners(), `coverage:removed:${String(payload.shiftId)}`, item, { alwaysAtOnce: true });
}

/** Mails one person's waiting alerts: one mail per alert at once, or one digest of all. Throws to be retried. */
async function sendFor(deps: Deps, userId: string, mode: "immediate" | "daily") {
  const waiting = await StaffAlert.find({ userId, mode, sentAt: { $exists: false } })
    .sort({ createdAt: 1 })
    .limit(200)
    .lean();
  if (!waiting.length) return;
  const pref = (await staffPreferences([userId])).get(userId);
  if (!pref?.email || pref.digest === "off") {
    // Nobody to write to (no address, or turned off since): these will never go; do not retry forever.
    await StaffAlert.updateMany({ _id: { $in: waiting.map((w) => w._id) } }, { $set: { sentAt: deps.now() } });
    return;
  }
  const baseUrl = deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`;
  const groups = mode === "daily" ? [waiting] : waiting.map((w) => [w]);
  for (const group of groups) {
    const mail = composeStaffMail(
      group.map((g) => g.item as StaffAlertItem),
      { lang: pref.language, baseUrl, digest: mode === "daily", unitName },
    );
    await sendMail({ to: pref.email, ...mail });
    await StaffAlert.updateMany({ _id: { $in: group.map((g) => g._id) } }, { $set: { sentAt: deps.now() } });
  }
}

export async function registerStaffAlerts(runner: JobRunner, deps: Deps): Promise<void> {
  runner.register(STAFF_SEND_JOB, async (payload) => {
    if (!mailEnabled()) return; // e-mail off: nothing to retry (the start-up log says so)
    await sendFor(deps, String(payload.userId), payload.mode === "daily" ? "daily" : "immediate");
  });
  runner.register(STAFF_SHIFT_REMOVED_JOB, (payload) => handleShiftRemoved(deps, payload));
  runner.register(STAFF_DIGEST_JOB, async () => {
    const users: string[] = await StaffAlert.distinct("userId", { mode: "daily", sentAt: { $exists: false } });
    // One job per person, so one refusing address does not hold back the others' digests.
    for (const userId of users) await scheduleJob(STAFF_SEND_JOB, deps.now(), { userId, mode: "daily" }, `${STAFF_SEND_JOB}.daily.${userId}`);
    await scheduleJob(STAFF_DIGEST_JOB, nextDigestRun(deps.now()), {}, DIGEST_KEY);
  });
  if (!(await activeJob(DIGEST_KEY))) await scheduleJob(STAFF_DIGEST_JOB, nextDigestRun(deps.now()), {}, DIGEST_KEY);

  // Listen to the live events: the e-mail side follows the socket side, never delays it.
  const inner = deps.notifier.emit.bind(deps.notifier);
  deps.notifier.emit = (audience, event, payload) => {
    inner(audience, event, payload);
    onLiveEvent(deps, audience, event, payload).catch((err) => deps.logger.warn({ err: String(err), event }, "staff alert not recorded"));
  };
}
