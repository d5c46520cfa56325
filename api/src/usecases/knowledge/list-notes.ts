// Knowledge for everyone: full-text through the search port (typos, synonyms), newest first without q.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import { KnowledgeNote } from "../../models/knowledge-note";
import { notFound, unprocessable } from "../../http/problem";
import { presentNote } from "./present";

export async function searchNotes(deps: Deps, q: { q?: string; expertise?: string; limit: number; cursor?: string }) {
  if (q.q?.trim()) {
    const res = await deps.search.search("knowledge", {
      q: q.q,
      limit: q.limit,
      ...(q.expertise ? { filters: { expertiseIds: q.expertise.split(",") } } : {}),
    });
    const notes = await KnowledgeNote.find({ _id: { $in: res.hits.map((h) => h.id) } }).lean();
    const byId = new Map(notes.map((n) => [String(n._id), n]));
    return { data: res.hits.flatMap((h) => (byId.has(h.id) ? [{ ...presentNote(byId.get(h.id)!), score: h.score }] : [])) };
  }
  const filter: Record<string, unknown> = q.expertise ? { expertise: { $in: q.expertise.split(",") } } : {};
  if (q.cursor) {
    if (!isValidObjectId(q.cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
    filter._id = { $lt: q.cursor };
  }
  const rows = await KnowledgeNote.find(filter)
    .sort({ _id: -1 })
    .limit(q.limit + 1)
    .lean();
  const page = rows.slice(0, q.limit);
  return { data: page.map(presentNote), ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}) };
}

export async function getNote(id: string) {
  const n = isValidObjectId(id) ? await KnowledgeNote.findById(id).lean() : null;
  if (!n) throw notFound("Knowledge note");
  return presentNote(n);
}
