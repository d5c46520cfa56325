// Rebuilds the search index from MongoDB (the source of truth), in batches.
import type { SearchPort } from "../../../search/port";
import { EXPERTISE, synonymGroups } from "../reference/expertise";
import { Member } from "../models/member";
import { memberDoc } from "./docs";

export type Progress = (index: string, done: number) => void;

const BATCH = 1000;

export async function reindexAll(search: SearchPort, progress: Progress = () => {}) {
  await search.setSynonyms(synonymGroups());
  await search.clear("expertise");
  await search.upsert(
    "expertise",
    EXPERTISE.map((e) => ({ id: e.id, domain: e.domain, labelNl: e.label.nl, labelEn: e.label.en, synonyms: e.synonyms })),
  );
  const counts: Record<string, number> = { expertise: EXPERTISE.length };
  counts.members = await rebuild(search, "members", Member.find().lean().cursor(), (m) => memberDoc({ ...m, id: String(m._id) }), progress);
  for (const extra of extraIndexers) Object.assign(counts, await extra(search, progress));
  return counts;
}

/** Other collections (knowledge notes) register here so one command rebuilds everything. */
export const extraIndexers: ((search: SearchPort, progress: Progress) => Promise<Record<string, number>>)[] = [];

export async function rebuild<T>(
  search: SearchPort,
  index: "members" | "knowledge",
  cursor: AsyncIterable<T>,
  toDoc: (d: T) => Record<string, unknown> & { id: string },
  progress: Progress,
) {
  await search.clear(index);
  let batch: (Record<string, unknown> & { id: string })[] = [];
  let done = 0;
  for await (const d of cursor) {
    batch.push(toDoc(d));
    if (batch.length >= BATCH) {
      await search.upsert(index, batch);
      done += batch.length;
      progress(index, done);
      batch = [];
    }
  }
  if (batch.length) await search.upsert(index, batch);
  done += batch.length;
  progress(index, done);
  return done;
}
