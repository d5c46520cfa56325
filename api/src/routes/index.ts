// Mounts every resource router under /api/v1. Add one line per resource.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { authenticate } from "../http/auth";
import { adminRoutes } from "./admin";
import { adminConsoleRoutes } from "./admin-console";
import { authRoutes } from "./auth";
import { openapiRoutes } from "./openapi";
import { referenceRoutes } from "./reference";
import { debugRoutes } from "./debug";
import { memberRoutes } from "./members";
import { membershipRoutes } from "./memberships";
import { requestRoutes } from "./requests";
import { offerRoutes } from "./offers";
import { poolRoutes } from "./pools";
import { knowledgeRoutes } from "./knowledge";
import { searchRoutes } from "./search";
import { auditRoutes } from "./audit";
import { timeEntryRoutes } from "./time-entries";
import { budgetRoutes } from "./budgets";
import { policyRoutes } from "./regulation";
import { helplineRoutes } from "./helpline";
import { calendarRoutes } from "./calendar";
import { notificationRoutes } from "./notifications";

export function apiRouter(deps: Deps): Router {
  const api = new Router({ prefix: "/api/v1" });
  api.use(authenticate);
  for (const r of [openapiRoutes(deps), authRoutes(deps), adminRoutes(deps), adminConsoleRoutes(deps), referenceRoutes(deps)]) {
    api.use(r.routes(), r.allowedMethods({ throw: true }));
  }
  for (const r of [helplineRoutes(deps), calendarRoutes(deps)]) api.use(r.routes(), r.allowedMethods({ throw: true }));
  for (const r of [timeEntryRoutes(deps), budgetRoutes(deps), policyRoutes(deps)]) api.use(r.routes(), r.allowedMethods({ throw: true }));
  for (const r of [
    membershipRoutes(deps),
    memberRoutes(deps),
    requestRoutes(deps),
    offerRoutes(deps),
    poolRoutes(deps),
    knowledgeRoutes(deps),
    searchRoutes(deps),
    auditRoutes(deps),
    notificationRoutes(deps),
  ])
    api.use(r.routes(), r.allowedMethods({ throw: true }));
  if (deps.config.NODE_ENV === "test") api.use(debugRoutes().routes());
  return api;
}
