import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body, query } from "../http/validate";
import { directoryQuery, profileSchema } from "../contract/members";
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
    const q = query(ctx, directoryQuery);
    ctx.body = await searchDirectory(deps, currentUser(ctx), q);
  });
  r.get("/:id", requireUser, async (ctx) => {
    ctx.body = await getMember(currentUser(ctx), ctx.params.id!);
  });
  return r;
}
