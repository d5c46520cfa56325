// What leaves the server about a time entry.
import type { TimeEntryStatus } from "../contract/values";

export interface TimeEntryView {
  id: string;
  memberId: string;
  date: string;
  day: string;
  hours: number;
  category: string;
  status: TimeEntryStatus;
  requestId?: string;
  note?: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  createdBy: string;
  version: number;
  memberName?: string;
}

export function presentTimeEntry(d: Record<string, any>, memberName?: string): TimeEntryView {
  return {
    id: String(d._id ?? d.id),
    memberId: d.memberId,
    date: new Date(d.date).toISOString(),
    day: d.day,
    hours: d.hours,
    category: d.category,
    status: d.status,
    ...(d.requestId ? { requestId: d.requestId } : {}),
    ...(d.note ? { note: d.note } : {}),
    ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
    ...(d.decidedAt ? { decidedAt: new Date(d.decidedAt).toISOString() } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
    createdBy: d.createdBy,
    version: d.version,
    ...(memberName ? { memberName } : {}),
  };
}
