// Helpline shifts: one way to book one, from the text of two date-time fields ("01-12-2026 14:30").
// What cannot be read is sent as typed, so the server names the field (invalid_date) beside it.
import { localToDate, parseDateTime } from "./parse";
import { client } from "../api/typed-client";

export function toInstant(text: string): string {
  const local = parseDateTime(text);
  return local ? localToDate(local).toISOString() : text;
}

export function createShift(memberId: string, start: string, end: string) {
  return client.POST("/helpline/shifts", { body: { memberId, start: toInstant(start), end: toInstant(end) } });
}
