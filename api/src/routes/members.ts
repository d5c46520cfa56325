import Router from "@koa/router";
import { z } from "zod";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body, query } from "../http/validate";
import { profileSchema } from "../usecases/members/schemas";
import { getMember, getOwnProfile } from "../usecases/members/get-profile";
import { updateOwnProfile } from "../usecases/members/update-profile";
import { searchDirectory } from "../usecases/members/search-members";

export function memberRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/members" });
  r.get("/me", requireUser, async (ctx) => {
    ctx.body = await getOwnProfile(currentUser(ctx));
  });
  r.put("/me", requireUser, async (ctx) => {
    ctx.body = await updateOwnProfile(deps, currentUser(ctx), body(ctx, profileSchema));
  });
  r.get("/", requireRole("coordinator"), async (ctx) => {
    const q = query(ctx, z.object({ q: z.string().max(200).optional(), unit: z.string().max(300).optional(), network: z.string().max(300).optional(), expertise: z.string().max(1000).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }));
    ctx.body = await searchDirectory(deps, currentUser(ctx), q);
  });
  r.get("/:id", requireUser, async (ctx) => {
    ctx.body = await getMember(currentUser(ctx), ctx.params.id!);
  });
  return r;
}
