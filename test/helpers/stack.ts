// Starts the real service (embedded FerretDB over the wire, search, HTTP, socket.io) for integration tests.
// One shared stack per test run; tests that need to stop or restart things start their own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService, type Service } from "../../api/src/bootstrap";

let shared: Promise<Service> | undefined;
const dirs: string[] = [];

export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "ndv-test-"));
  dirs.push(dir);
  return {
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DEMO: "1",
    DEMO_MEMBERS: process.env.TEST_DEMO_MEMBERS ?? "300",
    ...(process.env.MONGO_URL ? { MONGO_URL: withDb(process.env.MONGO_URL, `ndv_test_${Date.now()}_${dirs.length}`) } : {}),
    ...(process.env.MEILI_URL ? { MEILI_URL: process.env.MEILI_URL, MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? "" } : {}),
    ...extra,
  };
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The stack shared by most integration tests (seeded with demo data). */
export function sharedStack(): Promise<Service> {
  return (shared ??= startService({ env: testEnv() }));
}

export async function startStack(env: Record<string, string> = {}, opts: { now?: () => Date; seedDemo?: boolean } = {}): Promise<Service> {
  return startService({ env: testEnv(env), ...opts });
}

export async function stopSharedStack(): Promise<void> {
  if (shared) await (await shared).stop();
  shared = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
