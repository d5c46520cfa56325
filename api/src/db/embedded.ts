// Finds a MongoDB-protocol server: MONGO_URL, else the embedded FerretDB built at install time,
// else mongodb-memory-server (which needs to download mongod once), else a clear failure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { Logger } from "../logger";

export interface DatabaseHandle {
  url: string;
  kind: "external" | "ferretdb" | "memory-server";
  stop(): Promise<void>;
  /** Restart on the same socket and data (tests use it to simulate an outage). */
  restart?(): Promise<void>;
  /** The embedded database's Unix socket path. */
  socket?: string;
  /** Process id of the embedded database child, while it runs. */
  pid?(): number | undefined;
}

const ROOT = resolve(new URL("../../..", import.meta.url).pathname);
export const FERRETDB_BIN = process.env.FERRETDB_BIN ?? join(ROOT, ".bin", "ferretdb");

export class DatabaseUnavailable extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export async function startDatabase(opts: {
  mongoUrl?: string;
  dataDir: string;
  logger: Logger;
  sqliteSynchronous?: "normal" | "full";
}): Promise<DatabaseHandle> {
  if (opts.mongoUrl) return { url: opts.mongoUrl, kind: "external", stop: async () => {} };
  if (existsSync(FERRETDB_BIN)) return startFerret(join(opts.dataDir, "ferretdb"), opts.logger, { sqliteParams: sqliteParams(opts.sqliteSynchronous) });
  opts.logger.warn("embedded FerretDB not built (no Go toolchain at install?); trying mongodb-memory-server");
  try {
    return await startMemoryServer(join(opts.dataDir, "mongod"));
  } catch (err) {
    throw new DatabaseUnavailable(
      "No database available. Set MONGO_URL=mongodb://host:27017/ndv, or install Go and re-run `npm install` " +
        `to build the embedded FerretDB (${(err as Error).message})`,
    );
  }
}

/** SQLite connection parameters for the embedded store; see README "Embedded database durability". */
export function sqliteParams(synchronous: "normal" | "full" = "normal"): string {
  return [
    "_pragma=busy_timeout(10000)", // wait up to 10 s for a competing writer instead of failing with SQLITE_BUSY
    "_pragma=journal_mode(wal)", // readers never block the writer; a commit is one append to the WAL
    `_pragma=synchronous(${synchronous})`, // normal: no fsync per commit (safe against process crashes); full: fsync per commit
  ].join("&");
}

/** Restart delays after an unexpected exit of the database child; the last one repeats. */
export const RESTART_BACKOFF_MS = [0, 250, 500, 1000, 2000, 5000];

export interface FerretOptions {
  /** SQLite URI query (default: sqliteParams()). */
  sqliteParams?: string;
  /** Also listen on this TCP address (default: Unix socket only). */
  tcp?: string;
}

/** Path of the embedded database's Unix socket; falls back to a private temp dir when the data dir's path is too long. */
function socketPathFor(dataDir: string): string {
  const inDataDir = join(dataDir, "ferretdb.sock");
  if (Buffer.byteLength(inDataDir) <= 100) return inDataDir; // sun_path holds 107 bytes
  return join(mkdtempSync(join(tmpdir(), "ndv-db-")), "ferretdb.sock"); // mkdtemp creates it 0700
}

/** If tools/ferretdb (main.go, the overlay patches) changed since the binary was built (e.g. after a pull), rebuild it before use. */
function rebuildIfStale(logger: Logger) {
  const tools = join(ROOT, "tools", "ferretdb");
  const src = join(tools, "main.go");
  if (process.env.FERRETDB_BIN || !existsSync(src)) return;
  const overlay = join(tools, "overlay");
  const build = join(ROOT, "scripts", "build-ferretdb.mjs"); // holds the patch list
  const sources = [src, build, ...(existsSync(overlay) ? readdirSync(overlay).map((f) => join(overlay, f)) : [])];
  if (statSync(FERRETDB_BIN).mtimeMs >= Math.max(...sources.map((f) => statSync(f).mtimeMs))) return;
  logger.warn("embedded FerretDB binary is older than tools/ferretdb: rebuilding");
  const r = spawnSync(process.execPath, [build], { stdio: "ignore" });
  if (r.status !== 0) logger.warn("rebuilding the embedded FerretDB failed; using the old binary");
}

export async function startFerret(dataDir: string, logger: Logger, opts: FerretOptions = {}): Promise<DatabaseHandle> {
  dataDir = resolve(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  rebuildIfStale(logger);
  const socket = socketPathFor(dataDir);
  const args = ["-unix", socket, "-data", dataDir, "-sqlite-params", opts.sqliteParams ?? sqliteParams()];
  if (opts.tcp) args.push("-listen", opts.tcp);

  let child: ChildProcess | undefined;
  let wanted = true; // false after stop(): an exit is then expected, not a crash
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const launch = () =>
    new Promise<void>((res, rej) => {
      // detached: its own process group, so a Ctrl-C or group SIGTERM reaches only this service, which
      // then stops the database itself, after its last write. The child exits by itself if we die.
      const proc = spawn(FERRETDB_BIN, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
      child = proc;
      let ready = false;
      const timer = setTimeout(() => {
        rej(new DatabaseUnavailable("embedded FerretDB did not start within 15 s"));
        proc.kill("SIGKILL");
      }, 15000);
      let err = "";
      proc.stderr!.on("data", (d) => {
        err = (err + d).slice(-2000);
        logger.debug({ ferretdb: String(d).trim() }, "ferretdb");
      });
      proc.stdout!.on("data", (d) => {
        if (!ready && String(d).includes("READY")) {
          ready = true;
          clearTimeout(timer);
          res();
        }
      });
      proc.on("error", (e) => {
        clearTimeout(timer);
        rej(new DatabaseUnavailable(`embedded FerretDB could not be started: ${e.message}`));
      });
      proc.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (child === proc) child = undefined;
        if (!ready) return rej(new DatabaseUnavailable(`embedded FerretDB exited with code ${code}: ${err.trim().slice(-500)}`));
        if (wanted) {
          logger.error({ code, signal, stderr: err.trim().slice(-500) }, "embedded FerretDB died; restarting it");
          supervise();
        }
      });
    });

  // Restart with backoff until it is up again; the MongoDB driver reconnects by itself (heartbeat).
  const supervise = () => {
    if (!wanted || retry || child) return;
    const delay = RESTART_BACKOFF_MS[Math.min(failures, RESTART_BACKOFF_MS.length - 1)];
    retry = setTimeout(() => {
      retry = undefined;
      if (!wanted || child) return;
      launch().then(
        () => {
          failures = 0;
          logger.warn({ socket }, "embedded FerretDB restarted");
        },
        (e) => {
          failures++;
          logger.error({ err: String(e), failures }, "restarting the embedded FerretDB failed; retrying");
          supervise();
        },
      );
    }, delay);
    retry.unref();
  };

  const stop = async () => {
    wanted = false;
    process.off("exit", killOnExit);
    clearTimeout(retry);
    retry = undefined;
    const proc = child;
    if (!proc) return;
    child = undefined;
    await new Promise<void>((res) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return res();
      proc.once("exit", () => res());
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 3000).unref();
    });
  };

  const restart = async () => {
    wanted = true;
    process.off("exit", killOnExit);
    process.once("exit", killOnExit);
    if (!child) await launch();
  };

  await launch();
  // Never leave an orphaned database behind when this process ends.
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);
  logger.info({ socket, dataDir }, "embedded FerretDB started (Unix socket only)");
  const url = `mongodb://${encodeURIComponent(socket)}/ndv`;
  return { url, kind: "ferretdb", socket, stop, restart, pid: () => child?.pid };
}

async function startMemoryServer(dbPath: string): Promise<DatabaseHandle> {
  mkdirSync(dbPath, { recursive: true });
  const { MongoMemoryServer } = await import("mongodb-memory-server-core");
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: "wiredTiger" } });
  return { url: server.getUri("ndv"), kind: "memory-server", stop: async () => void (await server.stop({ doCleanup: false })) };
}
