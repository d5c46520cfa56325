// Serves the built web app (web/dist) with an SPA fallback; the API stays under /api.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Context, Next } from "koa";
import serve from "koa-static";

const DIST = resolve(new URL("../../../web/dist", import.meta.url).pathname);

export function serveWeb() {
  const statics = serve(DIST, { maxage: 3600_000, index: "index.html" });
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith("/api/") || ctx.path.startsWith("/socket.io")) return next();
    await statics(ctx, async () => {});
    if (ctx.body || ctx.method !== "GET" || !ctx.accepts("html")) return next();
    const index = join(DIST, "index.html");
    if (existsSync(index)) {
      ctx.type = "html";
      ctx.body = readFileSync(index);
    } else {
      ctx.type = "text";
      ctx.body = "The web app is not built yet: run `npm run build:web`.";
    }
  };
}
