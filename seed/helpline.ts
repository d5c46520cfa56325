// Helpline demo data: a roster for the Roze in Blauw members over the current and next two weeks
// (three 8-hour shifts a day, with a deliberate hole every Sunday night), and two weeks of calls
// with outcomes so the statistics have something to show. Idempotent through seedKey, and the call's
// _id for calls (insert-missing).
import { DateTime } from "luxon";
import type { Seeder } from "./run";
import { Member } from "../api/src/models/member";
import { Shift } from "../api/src/models/shift";
import { HelplineCallPage } from "../api/src/models/helpline-call";
import { toPage, type CallWrite } from "../api/src/helpline/call-store";
import { REGIONAL_UNIT_IDS, NATIONAL_FALLBACK_RSC, unitById } from "../api/src/reference/units";
import { RIB } from "../api/src/access/helpline";
import { insertMissing } from "./insert-missing";

const ZONE = "Europe/Amsterdam";
/** Local start hour and length of the daily shifts. */
const SLOTS = [
  { hour: 7, hours: 8 },
  { hour: 15, hours: 8 },
  { hour: 23, hours: 8 },
];

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Shifts from Monday of the current week for three weeks; Sunday 23:00 → Monday 07:00 stays open. */
export function plannedShifts(memberIds: string[], now: Date): { key: string; memberId: string; start: Date; end: Date }[] {
  const monday = DateTime.fromJSDate(now, { zone: ZONE }).startOf("week");
  const out: { key: string; memberId: string; start: Date; end: Date }[] = [];
  let n = 0;
  for (let day = 0; day < 21; day++) {
    const date = monday.plus({ days: day });
    SLOTS.forEach((slot, i) => {
      if (date.weekday === 7 && slot.hour === 23) return; // the Sunday-night hole planners should see
      const start = date.set({ hour: slot.hour });
      // Ends on the wall clock (07:00, 15:00, 23:00), so shifts meet without gaps or overlaps on DST nights.
      const end = date.plus({ days: slot.hour + slot.hours >= 24 ? 1 : 0 }).set({ hour: (slot.hour + slot.hours) % 24 });
      out.push({ key: `helpline:shift:${date.toISODate()}:${i}`, memberId: memberIds[n++ % memberIds.length]!, start: start.toJSDate(), end: end.toJSDate() });
    });
  }
  return out;
}

export const seedHelpline: Seeder = async (members, opts) => {
  if (!members.length) return { helplineShifts: 0, helplineCalls: 0 };
  const rib = await Member.find(
    { _id: { $in: members.map((m) => m.id) }, networks: RIB, active: true, phone: { $exists: true } },
    { _id: 1, unitId: 1, phone: 1 },
  )
    .sort({ _id: 1 })
    .limit(60)
    .lean();
  // Three members at least, so nobody works two shifts back to back.
  if (rib.length < 3) return { helplineShifts: 0, helplineCalls: 0 };
  const ids = rib.map((m) => String(m._id));
  const shifts = plannedShifts(ids, opts.now);
  await insertMissing(
    Shift,
    shifts.map((s) => ({ seedKey: s.key, memberId: s.memberId, start: s.start, end: s.end, createdBy: "seed" })),
  );

  const rand = prng(opts.seed + 5);
  const unitOf = new Map(rib.map((m) => [String(m._id), m.unitId]));
  const phoneOf = new Map(rib.map((m) => [String(m._id), m.phone ?? ""]));
  const calls: CallWrite[] = [];
  const nowMs = opts.now.getTime();
  for (let i = 0; i < 180; i++) {
    const calledAt = new Date(nowMs - Math.floor(rand() * 14 * 86_400_000));
    const local = DateTime.fromJSDate(calledAt, { zone: ZONE });
    const onDuty = shifts.find((s) => s.start <= calledAt && calledAt < s.end);
    // Before the seeded roster, nights went to the RSC; otherwise a member mostly had it.
    const toMember = onDuty ? rand() < 0.85 : local.hour >= 7 && local.hour < 23 && rand() < 0.75;
    const memberId = toMember ? (onDuty?.memberId ?? ids[Math.floor(rand() * ids.length)]!) : undefined;
    const callerUnitId = rand() < 0.85 ? REGIONAL_UNIT_IDS[Math.floor(rand() * REGIONAL_UNIT_IDS.length)] : undefined;
    const rscUnit = callerUnitId ?? NATIONAL_FALLBACK_RSC.unitId;
    const r = rand();
    const outcome = r < 0.8 ? "answered" : r < 0.92 ? "missed" : "forwarded";
    calls.push([
      `seed-${opts.seed}-${i}`,
      {
        calledAt,
        decidedAt: calledAt,
        callerUnitId,
        regionSource: callerUnitId ? "area-code" : "none",
        action: memberId ? "member" : "rsc",
        targetPhone: memberId ? phoneOf.get(memberId) : unitById(rscUnit)!.rsc.phone,
        targetUnitId: memberId ? unitOf.get(memberId) : rscUnit,
        memberId,
        reason: memberId ? "on-duty member, least recently routed" : onDuty ? "all on-duty members busy" : "no member on duty",
        outcome,
        outcomeAt: new Date(calledAt.getTime() + 60_000),
        ...(outcome === "missed" ? {} : { durationSec: 60 + Math.floor(rand() * rand() * 1500) }),
      },
    ] as CallWrite);
  }
  // One page, as a flush of the call log would write them; its fixed _id makes seeding idempotent.
  await insertMissing(HelplineCallPage, [toPage(calls, `seed-${opts.seed}-calls`)], "_id");
  return { helplineShifts: shifts.length, helplineCalls: calls.length };
};
