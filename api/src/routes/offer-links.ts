// /offer-links/<token>: the answer page behind an e-mail link (server-rendered, not the SPA). GET shows the
// offer and changes nothing; the form POST answers, authorised by the token alone (no cookie is consulted).
import Router from "@koa/router";
import type { Context } from "koa";
import type { Deps } from "../deps";
import { isOwnOrigin } from "../http/origin";
import { readSmallBody } from "../http/small-body";
import { answerOfferLink, viewOfferLink, type LinkView } from "../notify/answer-link";
import { renderOfferPage } from "../notify/offer-page";
import { appOfferUrl } from "../notify/offer-links";

function send(ctx: Context, deps: Deps, view: LinkView, token: string) {
  ctx.type = "text/html; charset=utf-8";
  // The token is in the address: keep the page out of caches, search engines and Referer headers.
  ctx.set("Cache-Control", "no-store");
  ctx.set("X-Robots-Tag", "noindex");
  ctx.set("Referrer-Policy", "no-referrer");
  ctx.status = view.state === "invalid" ? 404 : 200;
  ctx.body = renderOfferPage(view.state, view.lang, {
    ...(view.msg ? { msg: view.msg } : {}),
    action: `/offer-links/${encodeURIComponent(token)}`,
    ...(view.offerId && view.state !== "invalid" ? { appUrl: appOfferUrl(deps.config.PUBLIC_URL, view.offerId) } : {}),
  });
}

export function offerLinkRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/offer-links" });
  r.get("/:token", async (ctx) => {
    const token = String(ctx.params.token ?? "").slice(0, 200);
    send(ctx, deps, await viewOfferLink(deps, token), token);
  });
  r.post("/:token", async (ctx) => {
    const token = String(ctx.params.token ?? "").slice(0, 200);
    // The token authorises; a form sent from a foreign page is refused anyway (an absent or "null"
    // Origin — privacy settings — is not held against the holder of the token).
    const origin = ctx.get("origin");
    if (origin && origin !== "null" && !isOwnOrigin(origin, deps.config, { host: ctx.host, protocol: ctx.protocol })) {
      ctx.status = 403;
      ctx.type = "text/html; charset=utf-8";
      ctx.body = renderOfferPage("refused", "nl");
      return;
    }
    const form = new URLSearchParams(await readSmallBody(ctx, 1024));
    const answer = form.get("answer");
    if (answer !== "accept" && answer !== "decline") {
      send(ctx, deps, await viewOfferLink(deps, token), token); // nothing chosen: show the page again
      return;
    }
    send(ctx, deps, await answerOfferLink(deps, token, answer), token);
  });
  return r;
}
