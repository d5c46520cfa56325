// Accepted NDV engagements of a member as calendar events: time, "NDV engagement" and the request
// number only. No title, description or other case text ever reaches a feed.
import { Request } from "../models/request";
import type { FeedEvent } from "./feed";

const HOUR = 3_600_000;

/** The single place that reads engagements for the member feed. */
export async function engagementEvents(memberId: string, from: Date, to: Date): Promise<FeedEvent[]> {
  const reqs = await Request.find(
    { assigneeMemberId: memberId, status: { $in: ["accepted", "completed"] } },
    { _id: 1, number: 1, neededBy: 1, acceptedAt: 1, estimatedHours: 1 },
  )
    .sort({ acceptedAt: -1 })
    .limit(1000)
    .lean();
  const events: FeedEvent[] = [];
  for (const r of reqs) {
    // Planned work is due by neededBy; otherwise the engagement starts when it was accepted.
    const start = r.neededBy ?? r.acceptedAt;
    if (!start) continue;
    const hours = Math.min(12, Math.max(1, Number(r.estimatedHours) || 1));
    const end = new Date(start.getTime() + hours * HOUR);
    if (end <= from || start >= to) continue;
    events.push({ uid: `engagement-${r._id}@ndv.politie.example`, start, end, summary: `NDV-inzet ${r.number ?? String(r._id)}` });
  }
  return events;
}
