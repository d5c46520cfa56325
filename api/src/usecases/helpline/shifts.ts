// Roster edits: RiB members sign up themselves, planners assign and edit anyone. Every change
// refreshes the routing snapshot so the webhook sees it within moments.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { validateShift } from "../../domain/shift-rules";
import { forbidden, notFound, unprocessable } from "../../http/problem";
import { Member } from "../../models/member";
import { Shift } from "../../models/shift";
import { canManageShiftOf, isPlanner, RIB } from "../../access/helpline";
import { presentShift, type ShiftView } from "../../presenters/shift";
import { firstName } from "../../helpline/snapshot";
import { shiftRemoved } from "../../notify/staff/alerts";

// No transactions in our MongoDB subset: serialise checks-then-writes per member inside this process
// so two quick sign-ups of the same member cannot both pass the overlap check.
const locks = new Map<string, Promise<unknown>>();
async function withMemberLock<T>(memberId: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(memberId) ?? Promise.resolve();
  const run = prev.catch(() => {}).then(fn);
  locks.set(memberId, run);
  try {
    return await run;
  } finally {
    if (locks.get(memberId) === run) locks.delete(memberId);
  }
}

async function ribMember(memberId: string, path: string) {
  const m = isValidObjectId(memberId) ? await Member.findById(memberId, { name: 1, networks: 1, active: 1 }).lean() : null;
  if (!m) throw unprocessable(`No member ${memberId}`, [{ path, code: "unknown_member", message: "unknown member" }]);
  if (!m.networks?.includes(RIB) || m.active === false)
    throw unprocessable("Only active Roze in Blauw members take helpline shifts", [
      { path, code: "not_rib_member", message: "not an active Roze in Blauw member" },
    ]);
  return m;
}

/**
 * Self sign-up is only for members approved into Roze in Blauw (the member profile is the source of
 * truth; membership is granted by a network coordinator, never self-declared): others get 403.
 */
async function assertApprovedSelf(p: Principal, memberId: string) {
  if (isPlanner(p)) return;
  const m = isValidObjectId(memberId) ? await Member.findById(memberId, { networks: 1, active: 1 }).lean() : null;
  if (!m || !m.networks?.includes(RIB) || m.active === false)
    throw forbidden("Only members approved into Roze in Blauw sign up for helpline shifts; ask to join the network first");
}

async function checkRules(memberId: string, shift: { id?: string; start: Date; end: Date }) {
  const others = await Shift.find({ memberId, start: { $lt: shift.end }, end: { $gt: shift.start } }, { start: 1, end: 1 }).lean();
  const errors = validateShift(
    shift,
    others.map((o) => ({ id: String(o._id), start: o.start, end: o.end })),
  );
  if (errors.length)
    throw unprocessable(
      errors.map((e) => `${e.path}: ${e.message}`).join("; "),
      errors.map((e) => ({ ...e, path: `body.${e.path}` })),
    );
}

export async function namesFor(memberIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)].filter((id) => isValidObjectId(id));
  const ms = ids.length ? await Member.find({ _id: { $in: ids } }, { name: 1 }).lean() : [];
  return new Map(ms.map((m) => [String(m._id), firstName(m.name)]));
}

export async function createShift(deps: Deps, p: Principal, input: { memberId?: string; start: Date; end: Date }): Promise<ShiftView> {
  const memberId = input.memberId ?? p.memberId;
  if (!memberId) throw unprocessable("memberId is required", [{ path: "body.memberId", code: "required", message: "required (you have no member profile)" }]);
  if (!canManageShiftOf(p, memberId)) throw forbidden("Only helpline planners assign shifts to others; Roze in Blauw members sign up themselves");
  await assertApprovedSelf(p, memberId);
  const member = await ribMember(memberId, input.memberId ? "body.memberId" : "memberId");
  const doc = await withMemberLock(memberId, async () => {
    await checkRules(memberId, { start: input.start, end: input.end });
    return Shift.create({ memberId, start: input.start, end: input.end, createdBy: p.id });
  });
  deps.events.publish({ type: "shift.created", actor: p, shiftId: doc.id, memberId, start: input.start, end: input.end });
  return presentShift(doc, new Map([[memberId, firstName(member.name)]]));
}

async function loadShift(id: string) {
  const s = isValidObjectId(id) ? await Shift.findById(id) : null;
  if (!s) throw notFound("Shift");
  return s;
}

export async function updateShift(deps: Deps, p: Principal, id: string, patch: { memberId?: string; start?: Date; end?: Date }): Promise<ShiftView> {
  const s = await loadShift(id);
  if (!canManageShiftOf(p, s.memberId)) throw forbidden("You may only edit your own shifts");
  await assertApprovedSelf(p, s.memberId);
  const memberId = patch.memberId ?? s.memberId;
  if (memberId !== s.memberId) {
    if (!canManageShiftOf(p, memberId)) throw forbidden("Only helpline planners move shifts to another member");
    await ribMember(memberId, "body.memberId");
  }
  const next = { id: s.id as string, start: patch.start ?? s.start, end: patch.end ?? s.end };
  await withMemberLock(memberId, async () => {
    await checkRules(memberId, next);
    await Shift.updateOne({ _id: s._id }, { $set: { memberId, start: next.start, end: next.end } });
  });
  deps.events.publish({ type: "shift.changed", actor: p, shiftId: s.id, memberId, start: next.start, end: next.end });
  return presentShift({ _id: s._id, memberId, start: next.start, end: next.end }, await namesFor([memberId]));
}

export async function deleteShift(deps: Deps, p: Principal, id: string): Promise<void> {
  const s = await loadShift(id);
  if (!canManageShiftOf(p, s.memberId)) throw forbidden("You may only remove your own shifts");
  await Shift.deleteOne({ _id: s._id });
  deps.events.publish({ type: "shift.removed", actor: p, shiftId: s.id, memberId: s.memberId });
  await shiftRemoved(deps, { id: s.id, start: s.start, end: s.end }); // planners hear at once about a gap it leaves
}

export const MAX_RANGE_DAYS = 93;

export async function listShifts(q: { from: Date; to: Date; memberId?: string }): Promise<ShiftView[]> {
  const shifts = await Shift.find(
    { start: { $lt: q.to }, end: { $gt: q.from }, ...(q.memberId ? { memberId: q.memberId } : {}) },
    { memberId: 1, start: 1, end: 1 },
  )
    .sort({ start: 1 })
    .limit(5000)
    .lean();
  const names = await namesFor(shifts.map((s) => s.memberId));
  return shifts.map((s) => presentShift(s, names));
}
