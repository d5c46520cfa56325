// Helpline shifts: one way to book one, from the values of two datetime-local inputs.
import { api } from "../api/client";

export function createShift(memberId: string, start: string, end: string) {
  return api.post("/helpline/shifts", { memberId, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
}
