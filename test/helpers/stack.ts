// Starts the real service (embedded FerretDB over the wire, search, HTTP, socket.io) for integration tests.
// Mongoose holds one connection per process, so only one service runs at a time: starting a private
// stack stops the shared one, which restarts (on its same data, without re-seeding) when next asked for.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService, type Service, type StartOptions } from "../../api/src/bootstrap";
import { MeilisearchAdapter } from "../../search/meilisearch";

let shared: Promise<Service> | undefined;
let sharedEnv: NodeJS.ProcessEnv | undefined;
let current: Service | undefined;
const dirs: string[] = [];
/** Meilisearch index prefixes handed out in this run; their indexes are dropped at the end (stopSharedStack). */
const meiliPrefixes = new Set<string>();

export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "ndv-test-"));
  dirs.push(dir);
  if (process.env.MEILI_URL) meiliPrefixes.add(`test_${process.pid}_${dirs.length}_`);
  return {
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DEMO: "1",
    DEMO_MEMBERS: process.env.TEST_DEMO_MEMBERS ?? "300",
    ...(process.env.MONGO_URL ? { MONGO_URL: withDb(process.env.MONGO_URL, `ndv_test_${process.pid}_${dirs.length}`) } : {}),
    ...(process.env.MEILI_URL
      ? { MEILI_URL: process.env.MEILI_URL, MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? "", MEILI_INDEX_PREFIX: `test_${process.pid}_${dirs.length}_` }
      : {}),
    ...extra,
  };
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function stopCurrent() {
  const s = current;
  current = undefined;
  shared = undefined;
  await s?.stop();
}

async function start(
  env: NodeJS.ProcessEnv,
  opts: Omit<StartOptions, "env"> = {},
  starter: (opts: StartOptions) => Promise<Service> = startService,
): Promise<Service> {
  await stopCurrent();
  const s = await starter({ env, ...opts });
  current = s;
  const stop = s.stop;
  s.stop = async () => {
    if (current === s) current = undefined;
    await stop();
  };
  return s;
}

/** The stack shared by most integration tests (seeded with demo data once per run). */
export function sharedStack(): Promise<Service> {
  if (!shared) {
    sharedEnv ??= testEnv();
    shared = start(sharedEnv);
  }
  return shared;
}

/**
 * A clock that reads `iso` when created and then advances with real time: results that depend on the
 * weekday, the hour or the year (availability, budget years, "today") come out the same on every run.
 */
export function clockAt(iso: string): () => Date {
  const offset = new Date(iso).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** A private service (stops the shared one), started by `starter` (e.g. startServiceWithRetries). Stop it in `after`. */
export async function startStack(
  env: Record<string, string> = {},
  opts: Omit<StartOptions, "env"> = {},
  starter?: (opts: StartOptions) => Promise<Service>,
): Promise<Service> {
  return start(testEnv(env), opts, starter);
}

/** Restart a private service on the same data directory and settings (e.g. to test durability). */
export async function restartStack(env: NodeJS.ProcessEnv, opts: Omit<StartOptions, "env"> = {}): Promise<Service> {
  return start(env, opts);
}

export async function stopSharedStack(): Promise<void> {
  await stopCurrent();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await dropTestIndexes();
}

/** Deletes every Meilisearch index this run created, so a test run leaves the server as it found it. */
async function dropTestIndexes() {
  const url = process.env.MEILI_URL;
  if (!url) return;
  for (const prefix of [...meiliPrefixes]) {
    const s = new MeilisearchAdapter(url, process.env.MEILI_MASTER_KEY, prefix);
    try {
      await s.drop();
      meiliPrefixes.delete(prefix);
    } finally {
      await s.close();
    }
  }
}
