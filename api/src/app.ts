// createApp(deps): the Koa application shared by the server and the tests.
import Koa from "koa";
import { bodyParser } from "@koa/bodyparser";
import helmet from "koa-helmet";
import passport from "koa-passport";
import type { Deps } from "./deps";
import { configurePassport } from "./auth/passport";
import { transportWarning } from "./config";
import { errorHandler } from "./http/errors";
import { requestLog } from "./http/request-log";
import { apiRouter } from "./routes";
import { healthRoutes } from "./routes/health";
import { serveWeb } from "./http/web";
import { lenientBodyForHelpline, LENIENT_PATHS } from "./helpline/lenient-body";
import { hardening } from "./http/hardening";
import { contractCheck } from "./http/contract-check";
import { offerLinkRoutes } from "./routes/offer-links";

export const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], connectSrc: ["'self'", "ws:", "wss:"], imgSrc: ["'self'", "data:"], styleSrc: ["'self'", "'unsafe-inline'"] },
  },
  // Same-origin requests keep their Origin/Referer (the CSRF check needs them); nothing leaves.
  referrerPolicy: { policy: "same-origin" },
};

export function createApp(deps: Deps): Koa {
  // X-Forwarded-* are believed only when TRUST_PROXY says a proxy sets them (the last hop's address).
  const app = new Koa({ proxy: deps.config.TRUST_PROXY ?? false, maxIpsCount: 1 });
  app.context.deps = deps;
  configurePassport();
  const transport = transportWarning(deps.config);
  if (transport) deps.logger.warn(transport);

  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(helmet(HELMET_OPTIONS));
  app.use(hardening({ config: deps.config, lenientPaths: LENIENT_PATHS })); // methods, NUL, content type, CSRF
  app.use(lenientBodyForHelpline); // the helpline webhook answers even a body that is not JSON
  app.use(
    bodyParser({
      enableTypes: ["json"],
      jsonLimit: "256kb",
      encoding: "utf-8",
      onError: (err) => {
        throw Object.assign(err, { type: "entity.parse.failed", status: 400 });
      },
    }),
  );
  // Passport's per-request set-up (a proxy of the request, a measurable share of every request) only
  // where a strategy runs: the login (routes/auth.ts). Bearer tokens, session cookies and API keys are
  // resolved in http/auth.ts without it (issue 11).
  const passportInit = passport.initialize();
  app.use((ctx, next) => (ctx.path.startsWith("/api/v1/auth/") ? passportInit(ctx, next) : next()));

  const health = healthRoutes(deps);
  app.use(health.routes());
  // Test runs check every answer against the OpenAPI document (see http/contract-check.ts).
  if (deps.config.CONTRACT_CHECK ?? deps.config.NODE_ENV === "test") app.use(contractCheck(deps.logger));
  const api = apiRouter(deps);
  app.use(api.routes()).use(api.allowedMethods({ throw: true }));
  const links = offerLinkRoutes(deps); // e-mail answer links: server-rendered pages outside the API and the SPA
  app.use(links.routes());
  app.use(serveWeb());
  return app;
}
