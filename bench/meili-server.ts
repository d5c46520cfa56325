// Benchmarks' Meilisearch: MEILI_URL (+ MEILI_MASTER_KEY) when set; otherwise the shared test server
// (../shared/tools/meilisearch/path next to the project, or MEILI_TOOL), started on loopback with a generated key and
// stopped by stop(); undefined when neither is there (the benches then print the embedded figures only).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface MeiliServer {
  url: string;
  key?: string;
  /** Where it came from, for the printout. */
  source: string;
  stop(): Promise<void>;
}

const TOOL = process.env.MEILI_TOOL ?? resolve(import.meta.dirname, "../../shared/tools/meilisearch/path");

export async function meiliServer(): Promise<MeiliServer | undefined> {
  if (process.env.MEILI_URL) return { url: process.env.MEILI_URL, key: process.env.MEILI_MASTER_KEY, source: "MEILI_URL", stop: async () => {} };
  if (!existsSync(TOOL)) {
    console.log(`Meilisearch figures skipped: MEILI_URL not set and ${TOOL} not found`);
    return undefined;
  }
  const bin = execFileSync(TOOL, { encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-meili-"));
  const key = randomBytes(24).toString("hex");
  const port = await new Promise<number>((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
  const child = spawn(bin, ["--db-path", join(dir, "db"), "--http-addr", `127.0.0.1:${port}`, "--master-key", key, "--no-analytics"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if (((await (await fetch(`${url}/health`)).json()) as { status: string }).status === "available") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill();
      throw new Error("Meilisearch did not become available within 30 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    key,
    source: `shared test server (${bin}), started for this run`,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
