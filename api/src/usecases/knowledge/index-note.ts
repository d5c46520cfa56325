// Keeps the knowledge index in step with MongoDB, and lets `npm run reindex` rebuild it.
import type { Deps } from "../../deps";
import { knowledgeDoc } from "../../indexing/docs";
import { extraIndexers, rebuild } from "../../indexing/reindex";
import { KnowledgeNote } from "../../models/knowledge-note";

type NoteLike = { _id: unknown; title: string; body: string; expertise?: string[]; createdAt?: Date };

export const noteDoc = (n: NoteLike) => knowledgeDoc({ id: String(n._id), title: n.title, body: n.body, expertise: n.expertise, createdAt: n.createdAt });

export async function indexNote(deps: Deps, n: NoteLike) {
  await deps.search.upsert("knowledge", [noteDoc(n)]);
}

extraIndexers.push(async (search, progress) => ({
  knowledge: await rebuild(search, "knowledge", KnowledgeNote.find().lean().cursor(), (n) => noteDoc(n as NoteLike), progress),
}));
