// One structured log line per request, carrying a request id that is echoed to the client.
import { randomUUID } from "node:crypto";
import type { Context, Next } from "koa";
import type { Logger } from "../logger";

/** The caller's X-Request-Id when it is a sane token, else a new one. */
export const requestIdFor = (incoming: unknown): string => (typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID());

/** The request's child logger, made on first use: most requests (the helpline webhook above all) never log. */
export function lazyChildLogger(logger: Logger, requestId: string): () => Logger {
  let child: Logger | undefined;
  return () => (child ??= logger.child({ requestId }));
}

export function requestLog(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const requestId = requestIdFor(ctx.get("x-request-id"));
    ctx.state.requestId = requestId;
    let child = lazyChildLogger(logger, requestId);
    Object.defineProperty(ctx.state, "log", {
      get: () => child(),
      set: (v: Logger) => (child = () => v),
      enumerable: true,
      configurable: true,
    });
    ctx.set("X-Request-Id", requestId);
    const start = performance.now();
    try {
      await next();
    } finally {
      if (ctx.path !== "/healthz" && logger.isLevelEnabled("info")) {
        const ms = Math.round((performance.now() - start) * 10) / 10;
        ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms, user: ctx.state.user?.id }, "request");
      }
    }
  };
}
