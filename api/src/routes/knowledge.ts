import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireUser } from "../http/auth";
import { body, query } from "../http/validate";
import { noteSchema, notesQuery } from "../contract/knowledge";
import { createNote } from "../usecases/knowledge/create-note";
import { getNote, searchNotes } from "../usecases/knowledge/list-notes";

// Knowledge is for every employee: written anonymised, read by all.
export function knowledgeRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/knowledge" });
  r.post("/", requireUser, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createNote(deps, currentUser(ctx), body(ctx, noteSchema));
  });
  r.get("/", requireUser, async (ctx) => {
    ctx.body = await searchNotes(deps, query(ctx, notesQuery));
  });
  r.get("/:id", requireUser, async (ctx) => {
    ctx.body = await getNote(ctx.params.id!);
  });
  return r;
}
