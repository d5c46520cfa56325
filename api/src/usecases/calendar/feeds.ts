// Calendar feed tokens and the two feeds. A feed URL carries its own token (calendar apps cannot
// log in), so tokens are per user, stored hashed, and rotated on request.
import type { Deps } from "../../deps";
import { principalFromUser, type Principal } from "../../auth/principal";
import { newToken, sha256 } from "../../auth/secrets";
import { forbidden, notFound } from "../../http/problem";
import { CalendarToken } from "../../models/calendar-token";
import { Shift } from "../../models/shift";
import { User } from "../../models/user";
import { canHaveHelplineFeed } from "../../access/helpline";
import { renderFeed } from "../../calendar/feed";
import { engagementEvents } from "../../calendar/engagements";
import { namesFor } from "../helpline/shifts";

const DAY = 86_400_000;
/** What a feed spans: recent past for context, the coming year for planning. */
const feedWindow = (now: Date) => ({ from: new Date(now.getTime() - 60 * DAY), to: new Date(now.getTime() + 366 * DAY) });

export async function issueCalendarToken(deps: Deps, p: Principal, baseUrl: string) {
  const token = `cal_${newToken(24)}`;
  // One token per user: replacing the hash is the rotation.
  await CalendarToken.updateOne({ userId: p.id }, { $set: { tokenHash: sha256(token), rotatedAt: deps.now() } }, { upsert: true });
  const q = `?token=${encodeURIComponent(token)}`;
  return {
    token,
    urls: {
      me: `${baseUrl}/api/v1/calendar/me.ics${q}`,
      ...(canHaveHelplineFeed(p) ? { helpline: `${baseUrl}/api/v1/calendar/helpline.ics${q}` } : {}),
    },
  };
}

async function principalForCalendarToken(token: string | undefined): Promise<Principal> {
  if (!token || token.length > 200) throw notFound("Calendar");
  const t = await CalendarToken.findOne({ tokenHash: sha256(token) }, { userId: 1 }).lean();
  const user = t ? await User.findById(t.userId) : null;
  // Same answer for unknown, rotated and deactivated: a feed URL reveals nothing.
  if (!user || !user.active) throw notFound("Calendar");
  return principalFromUser(user);
}

export async function memberFeed(deps: Deps, token: string | undefined): Promise<string> {
  const p = await principalForCalendarToken(token);
  const now = deps.now();
  const { from, to } = feedWindow(now);
  const events = [];
  if (p.memberId) {
    const shifts = await Shift.find({ memberId: p.memberId, start: { $lt: to }, end: { $gt: from } }, { start: 1, end: 1 })
      .sort({ start: 1 })
      .limit(2000)
      .lean();
    events.push(...shifts.map((s) => ({ uid: `shift-${s._id}@ndv.politie.example`, start: s.start, end: s.end, summary: "Dienst Roze in Blauw-hulplijn" })));
    events.push(...(await engagementEvents(p.memberId, from, to)));
  }
  return renderFeed("NDV – mijn diensten", events, now);
}

export async function helplineFeed(deps: Deps, token: string | undefined): Promise<string> {
  const p = await principalForCalendarToken(token);
  if (!canHaveHelplineFeed(p)) throw forbidden("The helpline roster feed is for planners and Roze in Blauw members");
  const now = deps.now();
  const { from, to } = feedWindow(now);
  const shifts = await Shift.find({ start: { $lt: to }, end: { $gt: from } }, { memberId: 1, start: 1, end: 1 })
    .sort({ start: 1 })
    .limit(10_000)
    .lean();
  const names = await namesFor(shifts.map((s) => s.memberId));
  const events = shifts.map((s) => ({
    uid: `shift-${s._id}@ndv.politie.example`,
    start: s.start,
    end: s.end,
    summary: `RiB-hulplijn: ${names.get(s.memberId) ?? "RiB"}`,
  }));
  return renderFeed("Roze in Blauw helpline rooster", events, now);
}
