// Knowledge notes are read by every employee: they must be anonymised. Rejects citizens' names, phone
// numbers, BSNs and e-mail addresses with a message that says what to remove.
import { findCitizenData } from "../../contract/personal-data";
import { unknownExpertiseIds } from "../../reference/expertise";
import { problem, unprocessable } from "../../http/problem";

const WHAT: Record<string, string> = { name: "a name", phone: "a phone number", bsn: "a citizen service number (BSN)", email: "an e-mail address" };

export function checkNote(note: { title: string; body: string; expertise?: string[] }, path = "body") {
  const unknown = unknownExpertiseIds(note.expertise ?? []);
  if (unknown.length)
    throw unprocessable(
      `Unknown expertise: ${unknown.join(", ")}`,
      unknown.map((id) => ({ path: `${path}.expertise`, code: "unknown_expertise" as const, params: { id }, message: `Unknown expertise id ${id}` })),
    );
  const errors = (["title", "body"] as const).flatMap((field) =>
    findCitizenData(note[field]).map((f) => ({
      path: `${path}.${field}`,
      code: "personal_data" as const,
      params: { kind: f.kind },
      message: `Contains ${WHAT[f.kind] ?? f.kind} of a citizen ("${f.match}"); remove it, knowledge notes must be anonymous`,
    })),
  );
  if (errors.length)
    throw problem(
      422,
      "Knowledge note contains personal data",
      "Knowledge notes are shared with every colleague, so they may not contain citizens' names, phone numbers, BSNs or e-mail addresses. Remove them and try again.",
      errors,
      "personal_data",
    );
}
