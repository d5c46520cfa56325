import Router from "@koa/router";
import { z } from "zod";
import { line, text } from "../http/input";
import type { Deps } from "../deps";
import { currentUser, requireUser } from "../http/auth";
import { body, query, paging } from "../http/validate";
import { createNote } from "../usecases/knowledge/create-note";
import { getNote, searchNotes } from "../usecases/knowledge/list-notes";

const noteSchema = z.strictObject({
  title: line().trim().min(3).max(200),
  body: text().trim().min(10).max(20_000),
  expertise: z.array(z.string().min(1).max(80)).max(20).default([]),
});

// Knowledge is for every employee: written anonymised, read by all.
export function knowledgeRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/knowledge" });
  r.post("/", requireUser, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createNote(deps, currentUser(ctx), body(ctx, noteSchema));
  });
  r.get("/", requireUser, async (ctx) => {
    ctx.body = await searchNotes(deps, query(ctx, z.object({ q: z.string().max(200).optional(), expertise: z.string().max(1000).optional(), ...paging })));
  });
  r.get("/:id", requireUser, async (ctx) => {
    ctx.body = await getNote(ctx.params.id!);
  });
  return r;
}
