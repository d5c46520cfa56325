import Router from "@koa/router";
import { z } from "zod";
import { text } from "../http/input";
import type { Deps } from "../deps";
import { currentUser, requireRole } from "../http/auth";
import { body, query, paging } from "../http/validate";
import { listOffers } from "../usecases/offers/list-offers";
import { acceptOffer } from "../usecases/offers/accept-offer";
import { declineOffer } from "../usecases/offers/decline-offer";

export function offerRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/offers" });
  r.get("/", requireRole("member"), async (ctx) => {
    const q = query(ctx, z.object({ status: z.string().max(100).optional(), ...paging }));
    ctx.body = await listOffers(currentUser(ctx), q);
  });
  r.post("/:id/accept", requireRole("member"), async (ctx) => {
    ctx.body = await acceptOffer(deps, currentUser(ctx), ctx.params.id!);
  });
  r.post("/:id/decline", requireRole("member"), async (ctx) => {
    const b = body(ctx, z.strictObject({ reason: text().max(500).optional() }));
    ctx.body = await declineOffer(deps, currentUser(ctx), ctx.params.id!, b.reason);
  });
  return r;
}
