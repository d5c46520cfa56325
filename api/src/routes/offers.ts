import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole } from "../http/auth";
import { body, query } from "../http/validate";
import { declineSchema, listOffersQuery } from "../contract/offers";
import { listOffers } from "../usecases/offers/list-offers";
import { acceptOffer } from "../usecases/offers/accept-offer";
import { declineOffer } from "../usecases/offers/decline-offer";

export function offerRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/offers" });
  r.get("/", requireRole("member"), async (ctx) => {
    const q = query(ctx, listOffersQuery);
    ctx.body = await listOffers(currentUser(ctx), q);
  });
  r.post("/:id/accept", requireRole("member"), async (ctx) => {
    ctx.body = await acceptOffer(deps, currentUser(ctx), ctx.params.id!);
  });
  r.post("/:id/decline", requireRole("member"), async (ctx) => {
    const b = body(ctx, declineSchema);
    ctx.body = await declineOffer(deps, currentUser(ctx), ctx.params.id!, b.reason);
  });
  return r;
}
