import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireUser } from "../http/auth";
import { hasRole } from "../auth/principal";
import { query } from "../http/validate";
import { searchQuery } from "../contract/knowledge";
import { searchDirectory } from "../usecases/members/search-members";
import { searchNotes } from "../usecases/knowledge/list-notes";

// One search box: knowledge for everyone, members only for coordinators (within their scope).
export function searchRoutes(deps: Deps): Router {
  const r = new Router();
  r.get("/search", requireUser, async (ctx) => {
    const q = query(ctx, searchQuery);
    const p = currentUser(ctx);
    const [knowledge, members] = await Promise.all([
      searchNotes(deps, { q: q.q, limit: q.limit }),
      hasRole(p, "coordinator") ? searchDirectory(deps, p, { q: q.q, limit: q.limit }) : Promise.resolve(undefined),
    ]);
    ctx.body = { knowledge: knowledge.data, ...(members ? { members: members.data } : {}) };
  });
  return r;
}
