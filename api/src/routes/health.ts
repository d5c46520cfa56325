import Router from "@koa/router";
import type { Deps } from "../deps";

export function healthRoutes(deps: Deps): Router {
  const r = new Router();
  r.get("/healthz", (ctx) => {
    ctx.body = { status: "ok" };
  });
  r.get("/readyz", async (ctx) => {
    const [db, search] = await Promise.all([deps.checks.db().catch(() => false), deps.checks.search().catch(() => false)]);
    const body = { db: db ? "ok" : "down", search: search ? "ok" : "down" };
    if (db && search) {
      ctx.body = body;
      return;
    }
    const down = Object.entries(body)
      .filter(([, v]) => v === "down")
      .map(([k]) => k);
    ctx.status = 503;
    ctx.type = "application/problem+json";
    ctx.body = { type: "https://ndv.politie.example/problems/not-ready", title: "Not ready", status: 503, detail: `Down: ${down.join(", ")}`, ...body };
  });
  return r;
}
