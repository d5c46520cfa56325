// Finds a MongoDB-protocol server: MONGO_URL, else the embedded FerretDB built at install time,
// else mongodb-memory-server (which needs to download mongod once), else a clear failure.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { Logger } from "../logger";

export interface DatabaseHandle {
  url: string;
  kind: "external" | "ferretdb" | "memory-server";
  stop(): Promise<void>;
  /** Restart on the same port and data (tests use it to simulate an outage). */
  restart?(): Promise<void>;
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

export async function startDatabase(opts: { mongoUrl?: string; dataDir: string; logger: Logger }): Promise<DatabaseHandle> {
  if (opts.mongoUrl) return { url: opts.mongoUrl, kind: "external", stop: async () => {} };
  if (existsSync(FERRETDB_BIN)) return startFerret(join(opts.dataDir, "ferretdb"), opts.logger);
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

async function startFerret(dataDir: string, logger: Logger): Promise<DatabaseHandle> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<void>((res, rej) => {
      const proc = spawn(FERRETDB_BIN, ["-listen", `127.0.0.1:${port}`, "-data", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
      child = proc;
      const timer = setTimeout(() => rej(new DatabaseUnavailable("embedded FerretDB did not start within 15 s")), 15000);
      let err = "";
      proc.stderr!.on("data", (d) => {
        err += d;
        logger.debug({ ferretdb: String(d).trim() }, "ferretdb");
      });
      proc.stdout!.on("data", (d) => {
        if (String(d).includes("READY")) {
          clearTimeout(timer);
          res();
        }
      });
      proc.on("exit", (code) => {
        clearTimeout(timer);
        if (child === proc) child = undefined;
        rej(new DatabaseUnavailable(`embedded FerretDB exited with code ${code}: ${err.trim().slice(-500)}`));
      });
    });

  const stop = async () => {
    const proc = child;
    if (!proc) return;
    child = undefined;
    await new Promise<void>((res) => {
      proc.once("exit", () => res());
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 3000).unref();
    });
  };

  await launch();
  // Never leave an orphaned database behind when this process ends.
  process.once("exit", () => child?.kill("SIGKILL"));
  logger.info({ port, dataDir }, "embedded FerretDB started");
  return { url: `mongodb://127.0.0.1:${port}/ndv`, kind: "ferretdb", stop, restart: launch };
}

async function startMemoryServer(dbPath: string): Promise<DatabaseHandle> {
  mkdirSync(dbPath, { recursive: true });
  const { MongoMemoryServer } = await import("mongodb-memory-server-core");
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: "wiredTiger" } });
  return { url: server.getUri("ndv"), kind: "memory-server", stop: async () => void (await server.stop({ doCleanup: false })) };
}
