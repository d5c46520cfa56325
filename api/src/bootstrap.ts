// Starts the whole service: database (embedded or MONGO_URL), search, HTTP + socket.io, jobs, demo data.
// Used by `npm start` (server.ts), the tests and the benchmarks.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "./config";
import { createLogger, type Logger } from "./logger";
import { startDatabase, type DatabaseHandle } from "./db/embedded";
import { connectMongo, disconnectMongo, pingMongo } from "./db/connect";
import { ensureIndexes } from "./db/indexes";
import { isDbUnavailable } from "./db/unavailable";
import { createSearch } from "../../search";
import type { SearchPort } from "../../search/port";
import { createApp, HELMET_OPTIONS } from "./app";
import { withLeanHelplineRoute } from "./helpline/lean-route";
import type { Deps } from "./deps";
import { attachRealtime } from "./realtime/socket";
import { silentNotifier, type Notifier } from "./realtime/notifier";
import { startBackground } from "./background";
import { flushAuditLog } from "./usecases/audit-log";
import { trackConnections } from "./http/connections";
import { closeMailer, configureMailer } from "./notify/mailer";
import { offerLinkSecret, resetKeyCache, vapidKeys } from "./notify/keys";
import { setFallbackPublicUrl } from "./notify/offer-links";
import { createEventBus } from "./events/bus";
import { subscribeAll } from "./events/subscribers";
import { budgetReadModel } from "./usecases/budgets/read-model";

export interface Service {
  config: Config;
  /** The environment it was started with (tests restart a service on the same data with it). */
  env: NodeJS.ProcessEnv;
  deps: Deps;
  db: DatabaseHandle;
  http: Server;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Seed demo data on an empty store (default: config.demo). */
  seedDemo?: boolean;
  now?: () => Date;
}

export async function startService(opts: StartOptions = {}): Promise<Service> {
  const config = loadConfig(opts.env ?? process.env);
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const db = await startDatabase({ mongoUrl: config.MONGO_URL, dataDir: config.DATA_DIR, logger, sqliteSynchronous: config.SQLITE_SYNCHRONOUS });
  try {
    await connectMongo(db, config.MONGO_TIMEOUT_MS, config.MONGO_REQUEST_TIMEOUT_MS);
  } catch (err) {
    await db.stop();
    throw new Error(
      `Cannot reach MongoDB at ${redactUrl(db.url)} within ${config.MONGO_TIMEOUT_MS} ms (${(err as Error).message}). Check MONGO_URL, or unset it to use the embedded database.`,
      {
        cause: err,
      },
    );
  }
  logger.info({ db: db.kind, url: redactUrl(db.url) }, "database connected");
  // Past the first connection, a database blip (a heartbeat timing out under load) can still break a
  // start-up read or write below. Then what was started is stopped again, and StartupInterrupted tells
  // the caller that starting afresh is worth it (startServiceWithRetries).
  const undo: Array<() => Promise<unknown>> = [() => disconnectMongo(), () => db.stop()];
  const startStep = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      for (const u of undo) await u().catch(() => {});
      throw isDbUnavailable(err) ? new StartupInterrupted(`start-up interrupted by the database: ${(err as Error).message}`, { cause: err }) : err;
    }
  };
  await startStep(() => ensureIndexes(db.kind));
  configureMailer(config, logger); // says "e-mail off" once when SMTP_URL is unset
  resetKeyCache(); // VAPID keys and the link secret belong to this store
  await startStep(() => Promise.all([vapidKeys(config), offerLinkSecret()])); // generated once per store, read before the first offer

  const search: SearchPort = createSearch({ meiliUrl: config.MEILI_URL, meiliKey: config.MEILI_MASTER_KEY, prefix: config.MEILI_INDEX_PREFIX });
  undo.unshift(() => search.close());
  await startStep(() => search.init());

  // Late-bound so the app can be built before socket.io is attached to the HTTP server.
  let target: Notifier = silentNotifier;
  const notifier: Notifier = { emit: (a, e, p) => target.emit(a, e, p) };

  const deps: Deps = {
    config,
    logger,
    search,
    notifier,
    events: createEventBus(logger),
    now: opts.now ?? (() => new Date()),
    sharedDatabase: db.kind === "external",
    checks: { db: () => pingMongo(1000), search: () => search.health() },
  };
  subscribeAll(deps);
  budgetReadModel.setSharedDatabase(deps.sharedDatabase);

  const background = await startStep(() => startBackground(deps, { seedDemo: opts.seedDemo ?? config.demo }));

  const app = createApp(deps);
  // The helpline webhook's lean path (issue 11) answers valid telephony calls before Koa; everything else goes to the app.
  const http = createServer(withLeanHelplineRoute(deps, HELMET_OPTIONS, app.callback()));
  const connections = trackConnections(http);
  const realtime = attachRealtime(http, logger, { config, ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}) });
  target = realtime.notifier;
  if (config.REDIS_URL) await useRedisAdapter(realtime.io, config.REDIS_URL, logger);

  await new Promise<void>((res) => http.listen(config.PORT, config.HOST, res));
  const port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  if (!config.PUBLIC_URL)
    setFallbackPublicUrl(config.HOST === "0.0.0.0" || config.HOST === "::" ? `http://localhost:${port}` : `http://${config.HOST}:${port}`);
  logger.info({ url }, "NDV service listening");

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const t0 = Date.now();
      const step = async (name: string, fn: () => Promise<unknown> | unknown) => {
        await fn();
        logger.debug({ step: name, ms: Date.now() - t0 }, "shutdown step done");
      };
      // Stop taking new work; let in-flight requests finish; then release resources.
      await step("http+realtime", () => closeHttp(http, realtime.io, connections, config.SHUTDOWN_GRACE_MS));
      await step("jobs", () => background.stop());
      await step("event subscribers", () => deps.events.idle()); // e.g. push/e-mail still being sent
      await step("audit log", () => flushAuditLog()); // buffered audit events of the requests that just finished
      await step("mailer", () => closeMailer());
      await step("database connection", () => disconnectMongo().catch(() => {}));
      await step("search", () => search.close().catch(() => {}));
      await step("database", () => db.stop());
    })());
  return { config, env: opts.env ?? process.env, deps, db, http, url, stop };
}

/**
 * Stops the HTTP server and socket.io: no new connections; idle keep-alive connections and websockets
 * are closed at once; connections with a request in flight are closed as soon as it is answered, and
 * after graceMs whatever is left is cut.
 */
async function closeHttp(http: Server, io: import("socket.io").Server, connections: ReturnType<typeof trackConnections>, graceMs: number): Promise<void> {
  const closed = new Promise<void>((res) => http.close(() => res()));
  // Disconnects every socket.io client; its callback would wait for the HTTP server, so do not await it.
  void io.close();
  connections.closeIdle();
  const cut = setTimeout(() => connections.closeAll(), graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(cut);
  }
}

/** A database blip broke start-up after the first connection; everything started was stopped again. */
export class StartupInterrupted extends Error {}

/**
 * `startService`, started afresh (up to `attempts` times in all) when a database blip interrupts it.
 * A database that cannot be reached at all still fails at once, after MONGO_TIMEOUT_MS.
 */
export async function startServiceWithRetries(opts: StartOptions = {}, attempts = 3, onRetry: (err: Error) => void = () => {}): Promise<Service> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startService(opts);
    } catch (err) {
      if (!(err instanceof StartupInterrupted) || attempt >= attempts) throw err;
      onRetry(err);
    }
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]+@/, "//***@");
}

async function useRedisAdapter(io: import("socket.io").Server, url: string, logger: Logger) {
  const { createClient } = await import("redis");
  const { createAdapter } = await import("@socket.io/redis-adapter");
  const pub = createClient({ url });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  logger.info("socket.io fan-out through Redis");
}
