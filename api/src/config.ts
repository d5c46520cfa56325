// Configuration from the environment, validated once at start-up.
import { z } from "zod";
import { URGENCIES } from "./contract/values";
import { unitById } from "./reference/units";

const bool = z.enum(["1", "0", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");

// An environment variable holding JSON: parsed, then checked by the schema piped after it.
const jsonString = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "Expected JSON" });
    return z.NEVER;
  }
});

const rule = z.strictObject({ batchSize: z.number().int().positive().optional(), timeoutMs: z.number().int().positive().optional() });
// Dispatch settings (batch size and offer timeout per urgency; DISPATCH_POLICY is the older name, still read),
// e.g. DISPATCH_SETTINGS='{"acute":{"batchSize":5,"timeoutMs":600000}}'; unset urgencies keep the defaults.
const dispatchPolicy = jsonString.pipe(z.partialRecord(z.enum(URGENCIES), rule));

// A SIP URI with placeholders ({phone}, and for RSCs {unitId} and {code}), e.g. "sip:{phone}@sbc.example".
const sipTemplate = z.string().regex(/^sips?:[^\s"<>]+$/, "Expected a sip: or sips: URI template");
// Per-unit RSC SIP URIs overriding the template, e.g. '{"amsterdam":"sip:rsc@10.0.0.5:5060"}'.
const rscSipUris = jsonString.pipe(
  z.record(
    z.string().refine((id) => !!unitById(id), "Unknown unit id"),
    sipTemplate,
  ),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default(".data"),
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"), // embedded store: fsync per commit only with "full"
  MONGO_URL: z.string().url().optional(),
  MONGO_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  // How long one operation waits for an unreachable database before it fails (a 503), once started.
  MONGO_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/)
    .default("ndv_"),
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(1).default("demo"),
  TELEPHONY_API_KEY: z.string().min(8).default("demo-telephony-key"),
  PUBLIC_URL: z.string().url().optional(),
  COOKIE_SECURE: bool.optional(),
  TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  // Login throttling (see README "Login throttling"): free failures per username from one address,
  // failures per address (any usernames), how long failures count, the longest delay.
  LOGIN_FREE_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_ADDRESS_FAILURES: z.coerce.number().int().positive().default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_DELAY_MINUTES: z.coerce.number().positive().default(15),
  // Behind a reverse proxy that sets X-Forwarded-For/-Proto/-Host: trust those headers.
  TRUST_PROXY: bool.optional(),
  RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  DEMO_MEMBERS: z.coerce.number().int().min(0).max(100000).default(200),
  DISPATCH_SETTINGS: dispatchPolicy.optional(),
  DISPATCH_POLICY: dispatchPolicy.optional(),
  // Validate every API answer against the OpenAPI document (default: on when NODE_ENV=test).
  CONTRACT_CHECK: bool.optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
  // Helpline SIP addressing (see helpline/sip-addressing.ts and the README section "Helpline SIP addressing").
  HELPLINE_MEMBER_SIP_URI: sipTemplate.default("sip:{phone}@trunk.helpline.invalid"),
  HELPLINE_RSC_SIP_URI: sipTemplate.default("sip:{phone}@trunk.helpline.invalid"),
  HELPLINE_RSC_SIP_URIS: rscSipUris.optional(),
  // Notifications (issue 13): e-mail through an SMTP relay, Web Push with VAPID. Unset SMTP_URL: e-mail off.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "Expected smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("NDV expertisenetwerk <noreply@ndv.invalid>"),
  // Without these the service generates a VAPID key pair once and keeps it with the data.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/)
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/)
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/)
    .default("mailto:ndv-beheer@politie.invalid"),
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
  return { ...c, demo: c.DEMO ?? c.NODE_ENV !== "production", DISPATCH_SETTINGS: c.DISPATCH_SETTINGS ?? c.DISPATCH_POLICY };
}

/** Whether the session cookie carries the Secure flag (COOKIE_SECURE, default on in production). */
export const cookieSecure = (c: Pick<Config, "COOKIE_SECURE" | "NODE_ENV">): boolean => c.COOKIE_SECURE ?? c.NODE_ENV === "production";

/**
 * Start-up advice about the HTTPS set-up, or undefined when it is consistent: a Secure cookie can
 * only be set when the service sees HTTPS, which behind a TLS proxy needs TRUST_PROXY.
 */
export function transportWarning(c: Pick<Config, "COOKIE_SECURE" | "NODE_ENV" | "TRUST_PROXY" | "PUBLIC_URL">): string | undefined {
  if (!cookieSecure(c) || c.TRUST_PROXY) return undefined;
  return (
    "COOKIE_SECURE is on (the default in production) but TRUST_PROXY is off: this service speaks plain HTTP itself, so it can " +
    "only set the Secure session cookie when a TLS proxy in front of it says the request came over HTTPS. Set TRUST_PROXY=1 " +
    "behind an HTTPS reverse proxy that sets X-Forwarded-Proto, or COOKIE_SECURE=0 for plain HTTP (testing only). Until then " +
    "logins over plain HTTP get a token but no session cookie."
  );
}
