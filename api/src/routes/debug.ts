import Router from "@koa/router";
import { z } from "zod";
import { query } from "../http/validate";

// Only mounted when NODE_ENV=test: a slow request for the graceful-shutdown test.
export function debugRoutes(): Router {
  const r = new Router({ prefix: "/debug" });
  r.get("/slow", async (ctx) => {
    const { ms } = query(ctx, z.object({ ms: z.coerce.number().int().min(0).max(10000) }));
    await new Promise((res) => setTimeout(res, ms));
    ctx.body = { waited: ms };
  });
  return r;
}
