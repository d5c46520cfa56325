// The Roze in Blauw helpline: roster, coverage, the telephony webhook, call outcomes and statistics.
import { z } from "zod";
import { id, isoDate } from "../http/validate";
import { Id, IsoDateTime, flag, listOf } from "./common";

export const FORWARD_REASONS = ["member-busy", "member-no-answer", "member-unreachable"] as const;
export const CALL_OUTCOMES = ["answered", "missed", "forwarded"] as const;

// ---- in
/**
 * The webhook body as documented. The route itself reads it leniently (it always answers, also for
 * malformed input, see usecases/helpline/route-call.ts); this schema is documentation only.
 */
export const routeCallBody = z.object({
  callId: z
    .string()
    .regex(/^[\w.:@-]{1,128}$/)
    .meta({ description: "Idempotency key, e.g. the SIP Call-ID" }),
  calledAt: z.string().optional().meta({ format: "date-time" }),
  callerNumber: z
    .string()
    .max(40)
    .optional()
    .meta({ examples: ["+31101234567"] }),
  region: z.string().max(64).optional().meta({ description: "Unit id of the caller's region, when the switch knows it" }),
});
export const callParams = z.object({ callId: z.string().meta({ description: "1 to 128 letters, digits or . : @ - _" }) });
export const outcomeSchema = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES),
  durationSec: z.number().int().min(0).max(86_400).optional(),
  // Why the switch forwarded a member call to the RSC, and to which unit's RSC (deploy/kamailio).
  reason: z.enum(FORWARD_REASONS).optional(),
  forwardedTo: z
    .string()
    .regex(/^[a-z-]{1,64}$/)
    .optional(),
});
export const newShiftSchema = z.strictObject({ memberId: id.optional(), start: isoDate, end: isoDate });
export const shiftPatchSchema = z.strictObject({ memberId: id.optional(), start: isoDate.optional(), end: isoDate.optional() });
export const shiftsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), memberId: id.optional(), mine: flag.optional() });
export const helplineMembersQuery = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) });
export const coverageQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), byHourOfWeek: flag.optional() });
export const windowQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

// ---- out
export const RouteAnswer = z.object({
  callId: z.string(),
  action: z.enum(["member", "rsc"]),
  target: z.object({ phone: z.string(), unitId: z.string().optional(), sipUri: z.string() }),
  reason: z.string(),
});
export const OutcomeRecorded = z.object({
  callId: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  durationSec: z.number().int().optional(),
  reason: z.enum(FORWARD_REASONS).optional(),
  known: z.boolean().meta({ description: "Whether the call had been routed by this service" }),
});
export const ShiftView = z.object({
  id: Id,
  memberId: z.string(),
  memberName: z.string().meta({ description: "First name only" }),
  start: IsoDateTime,
  end: IsoDateTime,
});
export const ShiftList = listOf(ShiftView);
export const HelplineMemberList = listOf(z.object({ id: Id, name: z.string(), unitId: z.string() }));
const Gap = z.object({ start: IsoDateTime, end: IsoDateTime });
export const Coverage = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  gaps: z.array(Gap),
  byHourOfWeek: z.array(z.number()).optional().meta({ description: "Covered hours per hour of the week (168 slots, 0 = Monday 00:00 Europe/Amsterdam)" }),
});
export const GapReport = z.looseObject({ computedAt: IsoDateTime.optional(), from: IsoDateTime, to: IsoDateTime, gaps: z.array(Gap) });
const Share = { total: z.number().int(), rsc: z.number().int(), rscShare: z.number(), missed: z.number().int() };
const Durations = z.object({ averageSec: z.number().nullable(), medianSec: z.number().nullable() });
export const HelplineStats = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  zone: z.string(),
  truncated: z.boolean().optional(),
  total: z.number().int(),
  routedToMember: z.number().int(),
  routedToRsc: z.number().int(),
  rscShare: z.number(),
  missed: z.number().int(),
  outcomes: z.object({ answered: z.number().int(), missed: z.number().int(), forwarded: z.number().int(), unknown: z.number().int() }),
  durations: Durations.extend({ count: z.number().int(), member: Durations, rsc: Durations }),
  byHourOfWeek: z.array(z.object({ ...Share, slot: z.number().int(), day: z.number().int(), hour: z.number().int() })),
  byUnit: z.array(z.object({ ...Share, unitId: z.string() })),
  rscLoadByUnit: z.array(z.object({ unitId: z.string(), calls: z.number().int() })),
});
