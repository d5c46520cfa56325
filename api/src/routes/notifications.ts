// Notification preferences (own only), the VAPID public key, and the caller's push subscriptions.
import Router from "@koa/router";
import { z } from "zod";
import type { Deps } from "../deps";
import { currentUser, requireUser } from "../http/auth";
import { problem } from "../http/problem";
import { body } from "../http/validate";
import { readSmallBody } from "../http/small-body";
import { hasRole } from "../auth/principal";
import { vapidKeys } from "../notify/keys";
import { preferencesInput, preferencesOf, savePreferences } from "../notify/preferences";
import { deleteSubscription, saveSubscription, subscriptionInput } from "../notify/subscriptions";
import type { Preferences } from "../domain/notify-rules";
import type { Principal } from "../auth/principal";

const digestRoles = (p: Principal) => hasRole(p, "coordinator", "helpline-planner");

function present(p: Preferences, actor: Principal) {
  const { digest, ...rest } = p;
  return { ...rest, ...(digestRoles(actor) ? { digest } : {}) };
}

export function notificationRoutes(deps: Deps): Router {
  const r = new Router();
  const production = deps.config.NODE_ENV === "production";

  r.get("/notification-preferences/me", requireUser, async (ctx) => {
    const actor = currentUser(ctx);
    ctx.body = present(await preferencesOf(actor.id), actor);
  });
  r.put("/notification-preferences/me", requireUser, async (ctx) => {
    const actor = currentUser(ctx);
    const input = body(ctx, preferencesInput);
    if (input.digest && !digestRoles(actor))
      throw problem(
        422,
        "Validation failed",
        "digest: only coordinators and planners receive digests",
        [{ path: "body.digest", code: "invalid_value", message: "Only coordinators and planners receive digests" }],
        "validation_failed",
      );
    ctx.body = present(await savePreferences(actor.id, input), actor);
  });

  r.get("/push/vapid-public-key", requireUser, async (ctx) => {
    ctx.body = { publicKey: (await vapidKeys(deps.config)).publicKey };
  });
  r.post("/push/subscriptions", requireUser, async (ctx) => {
    const s = body(ctx, subscriptionInput(production));
    await saveSubscription(currentUser(ctx).id, s);
    ctx.status = 201;
    ctx.body = { endpoint: s.endpoint };
  });
  r.delete("/push/subscriptions", requireUser, async (ctx) => {
    // The JSON body parser skips DELETE bodies; the hardening middleware already insisted on JSON.
    let raw: unknown;
    try {
      raw = JSON.parse((await readSmallBody(ctx, 4096)) || "{}");
    } catch {
      throw problem(400, "Bad request", "The body is not valid JSON");
    }
    (ctx.request as unknown as { body: unknown }).body = raw;
    const b = body(ctx, z.strictObject({ endpoint: z.string().min(1).max(2048) }));
    await deleteSubscription(currentUser(ctx).id, b.endpoint); // someone else's endpoint: nothing happens
    ctx.status = 204;
  });
  return r;
}
