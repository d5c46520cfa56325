// iCalendar feeds (token in the URL, for calendar apps) and issuing/rotating the token.
import Router from "@koa/router";
import type { Context } from "koa";
import type { Deps } from "../deps";
import { currentUser, requireUser } from "../http/auth";
import { helplineFeed, issueCalendarToken, memberFeed } from "../usecases/calendar/feeds";

const token = (ctx: Context) => (typeof ctx.query.token === "string" ? ctx.query.token : undefined);

function sendIcs(ctx: Context, text: string, filename: string) {
  ctx.type = "text/calendar; charset=utf-8";
  ctx.set("Content-Disposition", `inline; filename="${filename}"`);
  // The token is in the URL: keep the feed out of shared caches.
  ctx.set("Cache-Control", "private, max-age=300");
  ctx.body = text;
}

export function calendarRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/calendar" });

  r.post("/token", requireUser, async (ctx) => {
    // Koa 3's ctx.origin is the Origin request header, not our own origin.
    const base = (deps.config.PUBLIC_URL ?? `${ctx.protocol}://${ctx.host}`).replace(/\/$/, "");
    ctx.body = await issueCalendarToken(deps, currentUser(ctx), base);
  });

  r.get("/me.ics", async (ctx) => sendIcs(ctx, await memberFeed(deps, token(ctx)), "ndv.ics"));
  r.get("/helpline.ics", async (ctx) => sendIcs(ctx, await helplineFeed(deps, token(ctx)), "rib-helpline.ics"));

  return r;
}
