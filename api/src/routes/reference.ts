import Router from "@koa/router";
import type { Deps } from "../deps";
import { requireUser } from "../http/auth";
import { UNITS } from "../reference/units";
import { NETWORKS } from "../reference/networks";
import { EXPERTISE } from "../reference/expertise";

// Reference data is readable by every signed-in employee and changes only with a release.
export function referenceRoutes(_deps: Deps): Router {
  const r = new Router();
  r.get("/units", requireUser, (ctx) => {
    ctx.set("Cache-Control", "private, max-age=3600");
    ctx.body = UNITS.map(({ id, code, name, kind, rsc }) => ({ id, code, name, kind, rsc }));
  });
  r.get("/networks", requireUser, (ctx) => {
    ctx.body = NETWORKS;
  });
  r.get("/expertise", requireUser, (ctx) => {
    ctx.set("Cache-Control", "private, max-age=3600");
    ctx.body = EXPERTISE;
  });
  return r;
}
