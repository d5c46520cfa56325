// A request as read at most `maxAgeMs` ago, for hot read-only paths that a page polls (the candidate list).
// Any write to a request in this process invalidates every copy at once (models/request.ts counts them);
// a write by another instance shows within maxAgeMs. Authorisation still runs on each call, on this copy.
import { findRequest } from "./load";
import { requestWrites } from "../../models/request";

type Found = Awaited<ReturnType<typeof findRequest>>;
const MAX_ENTRIES = 1_000;
const copies = new Map<string, { at: number; writes: number; doc: Promise<Found> }>();

export function recentRequest(id: string, maxAgeMs = 1_000): Promise<Found> {
  const t = Date.now();
  const c = copies.get(id);
  if (c && c.writes === requestWrites.count && t - c.at < maxAgeMs) return c.doc;
  const writes = requestWrites.count;
  const doc = findRequest(id);
  copies.delete(id);
  copies.set(id, { at: t, writes, doc });
  if (copies.size > MAX_ENTRIES) copies.delete(copies.keys().next().value!);
  doc.catch(() => {
    if (copies.get(id)?.doc === doc) copies.delete(id); // a 404 or an outage is never kept
  });
  return doc;
}
