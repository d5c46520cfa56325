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
  // The parser holds the whole body (a webhook's small body arrives with its headers, and the lean path
  // reads it in the check phase): take it at once, without stream events, listeners and a timer.
  if (req.complete && !req.readableFlowing) {
    if (req.readableLength > LIMIT) return Promise.resolve(INVALID_JSON);
    const all = req.read() as Buffer | null;
    return Promise.resolve(parseBody(all ? [all] : []));
  }
  // Only anonymous callbacks here: the webhook runs this per request, and a named one costs a defineProperty (tsx keeps names).
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => settle(req, timer, resolve, INVALID_JSON), timeoutMs);
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > LIMIT) settle(req, timer, resolve, INVALID_JSON);
      else chunks.push(c);
    });
    req.on("end", () => settle(req, timer, resolve, parseBody(chunks)));
    req.on("error", () => settle(req, timer, resolve, INVALID_JSON));
  });
}

function settle(req: IncomingMessage, timer: NodeJS.Timeout, resolve: (v: unknown) => void, value: unknown): void {
  clearTimeout(timer);
  req.removeAllListeners("data");
  resolve(value);
}

function parseBody(chunks: Buffer[]): unknown {
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8").trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}
