// The routing webhook: decide where a call to the Roze in Blauw number goes. Synchronous on purpose:
// it reads only the in-memory snapshot and hands logging to the buffer, so neither a slow nor a
// missing database can delay a waiting caller. Bad input still gets an RSC, never an error.
import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps";
import { decideRoute, type RouteDecision } from "../../domain/helpline-routing";
import { NATIONAL_FALLBACK_RSC, UNITS, unitById, unitForAreaCode } from "../../reference/units";
import { helplineFor, type StoredDecision } from "../../helpline/runtime";
import { INVALID_JSON } from "../../helpline/lenient-body";
import { sipAddressingFor, type SipAddressing } from "../../helpline/sip-addressing";

export interface RouteAnswer {
  callId: string;
  action: "member" | "rsc";
  target: { phone: string; unitId?: string; sipUri: string };
  reason: string;
}

interface ParsedInput {
  callId?: string;
  calledAt?: Date;
  callerNumber?: string;
  region?: string;
  problems: string[];
}

const RSC_BY_UNIT = new Map(UNITS.map((u) => [u.id, u.rsc.phone]));
export const CALL_ID = /^[\w.:@-]{1,128}$/;
const DAY = 86_400_000;

/** Reads what it can; every deviation from the contract is a problem, not an exception. */
export function parseRouteInput(raw: unknown, now: Date): ParsedInput {
  const problems: string[] = [];
  if (raw === INVALID_JSON) return { problems: ["body is not valid JSON"] };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { problems: ["body is not a JSON object"] };
  const b = raw as Record<string, unknown>;
  const out: ParsedInput = { problems };
  if (typeof b.callId === "string" && CALL_ID.test(b.callId)) out.callId = b.callId;
  else problems.push(b.callId === undefined ? "callId is missing" : "callId is not a valid id");
  if (b.calledAt !== undefined) {
    const d = typeof b.calledAt === "string" ? new Date(b.calledAt) : undefined;
    // A platform clock far off is not trusted for statistics; the decision uses our clock anyway.
    if (d && !Number.isNaN(d.getTime()) && Math.abs(d.getTime() - now.getTime()) < DAY) out.calledAt = d;
    else problems.push("calledAt is not a plausible ISO 8601 time");
  }
  if (b.callerNumber !== undefined) {
    if (typeof b.callerNumber === "string" && b.callerNumber.length <= 40) out.callerNumber = b.callerNumber;
    else problems.push("callerNumber is not a string");
  }
  if (b.region !== undefined) {
    if (typeof b.region === "string" && b.region.length <= 64) out.region = b.region;
    else problems.push("region is not a string");
  }
  for (const k of Object.keys(b)) if (!["callId", "calledAt", "callerNumber", "region"].includes(k)) problems.push(`unknown field ${k}`);
  return out;
}

function callerRegion(input: ParsedInput): { unitId?: string; source: "field" | "area-code" | "none" } {
  if (input.region && unitById(input.region)) return { unitId: input.region, source: "field" };
  const byNumber = input.callerNumber ? unitForAreaCode(input.callerNumber) : undefined;
  if (byNumber) return { unitId: byNumber.id, source: "area-code" };
  return { source: "none" };
}

/** The SIP address of the decided target (member phone via the trunk, or the unit's RSC). */
const sipUriOf = (sip: SipAddressing, d: StoredDecision): string =>
  (d.action === "member" ? sip.member(d.target.phone) : d.target.unitId ? sip.rsc(d.target.unitId) : undefined) ?? sip.nationalFallback().sipUri;

const present = (d: StoredDecision, sip: SipAddressing): RouteAnswer => ({
  callId: d.callId,
  action: d.action,
  target: { ...d.target, sipUri: sipUriOf(sip, d) },
  reason: d.reason,
});

/** Where routeCall reports a questionable request or a failure: the service's logger, or a request's. */
interface RouteLog {
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

export function routeCall(deps: Deps, raw: unknown, log: RouteLog = deps.logger): RouteAnswer {
  const rt = helplineFor(deps);
  const sip = sipAddressingFor(deps.config);
  const now = deps.now();
  let input: ParsedInput = { problems: [] };
  let decision: RouteDecision;
  let region: ReturnType<typeof callerRegion> = { source: "none" };
  try {
    input = parseRouteInput(raw, now);
    if (input.callId) {
      const known = rt.recall(input.callId, now);
      if (known) return present(known, sip);
    }
    region = callerRegion(input);
    if (input.region && region.source !== "field") input.problems.push(`unknown region ${input.region}`);
    // Unknown regions are harmless; a broken body means we cannot trust the call at all: RSC.
    const malformed = input.problems.some((p) => !p.startsWith("unknown region") && !p.startsWith("unknown field"));
    if (!rt.snapshot.covers(now)) rt.snapshot.refreshSoon();
    const snap = rt.snapshot.data;
    decision = decideRoute({
      now,
      shifts: malformed ? [] : snap.shifts,
      busyMemberIds: rt.busyMemberIds(now),
      lastRoutedAt: rt.lastRouted,
      members: snap.members,
      callerUnitId: region.unitId,
      rscByUnit: RSC_BY_UNIT,
      nationalFallback: NATIONAL_FALLBACK_RSC,
    });
    if (malformed)
      decision = { ...decision, reason: `malformed request (${input.problems.join("; ")}): ${decision.reason.replace(/^no member on duty[:;] /, "")}` };
    if (input.problems.length) log.warn({ problems: input.problems, callId: input.callId }, "helpline route: questionable request, answered anyway");
  } catch (err) {
    // Last resort: whatever broke, the caller still reaches a person.
    log.error({ err }, "helpline route failed; sending the call to the national fallback RSC");
    decision = {
      action: "rsc",
      target: { phone: NATIONAL_FALLBACK_RSC.phone, unitId: NATIONAL_FALLBACK_RSC.unitId },
      reason: "internal error: national fallback RSC",
    };
  }

  const stored: StoredDecision = {
    callId: input.callId ?? `gen-${randomUUID()}`,
    action: decision.action,
    target: { phone: decision.target.phone, unitId: decision.target.unitId },
    memberId: decision.target.memberId,
    reason: decision.reason,
    decidedAt: now,
  };
  try {
    rt.remember(stored);
    if (stored.memberId) {
      rt.busy.set(stored.memberId, { callId: stored.callId, at: now.getTime() });
      rt.lastRouted.set(stored.memberId, now);
    }
    rt.callLog.write(stored.callId, {
      calledAt: input.calledAt ?? now,
      decidedAt: now,
      callerUnitId: region.unitId,
      regionSource: region.source,
      action: stored.action,
      targetPhone: stored.target.phone,
      targetUnitId: stored.target.unitId,
      memberId: stored.memberId,
      reason: stored.reason,
      ...(input.problems.length ? { warning: input.problems.join("; ") } : {}),
    });
    deps.notifier.emit({ roles: ["helpline-planner"] }, "helpline:call", {
      phase: "routed",
      callId: stored.callId,
      at: now.toISOString(),
      action: stored.action,
      unitId: stored.target.unitId,
      callerUnitId: region.unitId,
      reason: stored.reason,
    });
  } catch (err) {
    log.error({ err }, "helpline route: bookkeeping failed (answer unaffected)");
  }
  return present(stored, sip);
}
