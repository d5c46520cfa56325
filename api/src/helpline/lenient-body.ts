// The routing webhook must answer even a body that is not JSON (a caller is waiting), but the app's
// body parser turns that into a 400 before any router runs. Mounted before the body parser, this
// leaves the webhook's body alone; the route reads it itself with readLenientJson.
import type { Context, Next } from "koa";
import type { IncomingMessage } from "node:http";

export const LENIENT_PATHS = new Set(["/api/v1/helpline/route"]);
export const INVALID_JSON = Object.freeze({ invalidJson: true }) as unknown;
const LIMIT = 64 * 1024;

/** One line in app.ts, before bodyParser: `app.use(lenientBodyForHelpline)`. */
export async function lenientBodyForHelpline(ctx: Context, next: Next) {
  if (ctx.method === "POST" && LENIENT_PATHS.has(ctx.path)) ctx.disableBodyParser = true;
  await next();
}

/** The parsed JSON body, or INVALID_JSON; never throws, never waits more than `timeoutMs`. */
export function readLenientJson(req: IncomingMessage, timeoutMs = 1000): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (v: unknown) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      resolve(v);
    };
    const timer = setTimeout(() => done(INVALID_JSON), timeoutMs);
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > LIMIT) return done(INVALID_JSON);
      chunks.push(c);
    });
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8").trim();
      if (!text) return done(undefined);
      try {
        done(JSON.parse(text));
      } catch {
        done(INVALID_JSON);
      }
    });
    req.on("error", () => done(INVALID_JSON));
  });
}
