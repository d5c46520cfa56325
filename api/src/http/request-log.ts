// One structured log line per request, carrying a request id that is echoed to the client.
import { randomUUID } from "node:crypto";
import type { Context, Next } from "koa";
import type { Logger } from "../logger";

/** The caller's X-Request-Id when it is a sane token, else a new one. */
export const requestIdFor = (incoming: unknown): string => (typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID());

/**
 * The request's child logger, made on first use: most requests (the helpline webhook above all) never
 * log. A class, not closures: the webhook makes one per request, and each function object made per
 * request costs (tsx keeps function names, one defineProperty each).
 */
export class LazyRequestLog {
  private made?: Logger;
  constructor(
    private readonly logger: Logger,
    private readonly requestId: string,
  ) {}
  child(): Logger {
    return (this.made ??= this.logger.child({ requestId: this.requestId }));
  }
  warn(o: object, msg?: string): void {
    this.child().warn(o, msg);
  }
  error(o: object, msg?: string): void {
    this.child().error(o, msg);
  }
}

export function requestLog(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const requestId = requestIdFor(ctx.get("x-request-id"));
    ctx.state.requestId = requestId;
    const lazy = new LazyRequestLog(logger, requestId);
    let replaced: Logger | undefined;
    Object.defineProperty(ctx.state, "log", {
      get: () => replaced ?? lazy.child(),
      set: (v: Logger) => (replaced = v),
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
