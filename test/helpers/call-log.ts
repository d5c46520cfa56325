// What the helpline call log holds, merged from its pages: for tests that check a call was logged.
import { readCalls } from "../../api/src/helpline/call-store";
import type { HelplineCallRecord } from "../../api/src/models/helpline-call";

export async function loggedCalls(): Promise<Map<string, HelplineCallRecord>> {
  const { calls } = await readCalls({ from: new Date(0), limit: Infinity });
  return new Map(calls.map((c) => [c._id, c]));
}
