// Configuration from the environment, validated once at start-up.
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const rule = z.strictObject({ batchSize: z.number().int().positive().optional(), timeoutMs: z.number().int().positive().optional() });
// e.g. DISPATCH_POLICY='{"acute":{"batchSize":5,"timeoutMs":600000}}'; unset urgencies keep the defaults.
const dispatchPolicy = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Expected JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.strictObject({ acute: rule.optional(), today: rule.optional(), planned: rule.optional() }));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default(".data"),
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"), // embedded store: fsync per commit only with "full"
  MONGO_URL: z.string().url().optional(),
  MONGO_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/).default("ndv_"),
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(1).default("demo"),
  TELEPHONY_API_KEY: z.string().min(8).default("demo-telephony-key"),
  PUBLIC_URL: z.string().url().optional(),
  COOKIE_SECURE: bool.optional(),
  TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  LOCKOUT_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  DEMO_MEMBERS: z.coerce.number().int().min(0).max(100000).default(200),
  DISPATCH_POLICY: dispatchPolicy.optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
});

export type Config = z.infer<typeof schema> & { demo: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  // Demo data and accounts are on by default outside production, never implied in production.
  return { ...c, demo: c.DEMO ?? c.NODE_ENV !== "production" };
}
