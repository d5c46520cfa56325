import Router from "@koa/router";
import type { Deps } from "../deps";
import { openapiDocument } from "../openapi/document";

export function openapiRoutes(_deps: Deps): Router {
  const r = new Router();
  r.get("/openapi.json", (ctx) => {
    ctx.body = openapiDocument();
  });
  return r;
}
