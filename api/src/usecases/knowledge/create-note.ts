// Stores an anonymised knowledge note (directly, or on completing a request) and indexes it.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { KnowledgeNote } from "../../models/knowledge-note";
import { presentNote } from "./present";
import { audit } from "../audit";
import { checkNote } from "./check-note";
import { indexNote } from "./index-note";

export interface NoteInput {
  title: string;
  body: string;
  expertise?: string[];
}

export async function createNote(deps: Deps, actor: Principal, input: NoteInput, ctx: { requestId?: string; unitId?: string; path?: string } = {}) {
  checkNote(input, ctx.path);
  const n = await KnowledgeNote.create({
    title: input.title,
    body: input.body,
    expertise: input.expertise ?? [],
    authorUserId: actor.id,
    authorMemberId: actor.memberId,
    requestId: ctx.requestId,
    unitId: ctx.unitId ?? actor.unitId,
  });
  await indexNote(deps, n.toObject());
  await audit(actor, "create", "knowledge-note", n.id, ctx.requestId ? { requestId: ctx.requestId } : undefined);
  return presentNote(n.toObject());
}
