// Serves the built web app (web/dist) with an SPA fallback; the API stays under /api.
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { basename, join, resolve, sep } from "node:path";
import type { Context, Next } from "koa";
import serve from "koa-static";

const DIST = resolve(new URL("../../../web/dist", import.meta.url).pathname);

/**
 * Caching by file: the service worker, the page and the manifest are revalidated on every load
 * (a cached sw.js would pin users to an old app for as long as it is cached); the hashed bundles
 * under assets/ never change, so they are cached for a year; everything else for an hour.
 */
export function cacheControlFor(path: string): string {
  const name = basename(path);
  if (name === "sw.js" || name === "index.html" || name.endsWith(".webmanifest")) return "no-cache";
  if (path.includes(`${sep}assets${sep}`)) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

export function serveWeb() {
  const statics = serve(DIST, {
    index: "index.html",
    setHeaders: (res: ServerResponse, path: string) => {
      res.setHeader("Cache-Control", cacheControlFor(path));
      // The worker is served from the root, so its default scope is the whole app already.
      if (basename(path) === "sw.js") res.setHeader("Service-Worker-Allowed", "/");
    },
  });
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith("/api/") || ctx.path.startsWith("/socket.io")) return next();
    await statics(ctx, async () => {});
    if (ctx.body || ctx.method !== "GET" || !ctx.accepts("html")) return next();
    const index = join(DIST, "index.html");
    if (existsSync(index)) {
      ctx.type = "html";
      ctx.set("Cache-Control", "no-cache");
      ctx.body = readFileSync(index);
    } else {
      ctx.type = "text";
      ctx.body = "The web app is not built yet: run `npm run build:web`.";
    }
  };
}
