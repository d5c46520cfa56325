// What leaves the server about a shift: times and the member's first name, never their phone.
export interface ShiftView {
  id: string;
  memberId: string;
  memberName: string;
  start: string;
  end: string;
}

export function presentShift(s: { _id: unknown; memberId: string; start: Date; end: Date }, firstNames: Map<string, string>): ShiftView {
  return { id: String(s._id), memberId: s.memberId, memberName: firstNames.get(s.memberId) ?? "RiB", start: s.start.toISOString(), end: s.end.toISOString() };
}
