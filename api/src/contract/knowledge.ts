// Knowledge notes and the one search box.
import { z } from "zod";
import { line, text } from "../http/input";
import { paging, pageOf } from "./common";
import { KnowledgeNoteView } from "./requests";
import { DirectoryRow } from "./members";

export { KnowledgeNoteView };
export const noteSchema = z.strictObject({
  title: line().trim().min(3).max(200),
  body: text().trim().min(10).max(20_000),
  expertise: z.array(z.string().min(1).max(80)).max(20).default([]),
});
export const notesQuery = z.object({ q: z.string().max(200).optional(), expertise: z.string().max(1000).optional(), ...paging });
export const NoteHit = KnowledgeNoteView.extend({ score: z.number().optional().meta({ description: "Relevance, with ?q= only" }) });
export const NotePage = pageOf(NoteHit);

export const searchQuery = z.object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const SearchResult = z.object({
  knowledge: z.array(NoteHit),
  members: z.array(DirectoryRow).optional().meta({ description: "Coordinators only, members in their scope" }),
});
