import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level = "info"): Logger {
  return pino({
    level,
    base: { service: "ndv" },
    // Never log credentials or request bodies that may hold case data.
    redact: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-api-key']", "password", "token"],
  });
}
