// bench/seed: time to seed 1,000 and 10,000 members (with their pools, history and time entries)
// into a fresh embedded database (or MONGO_URL), and the time of an idempotent re-run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../api/src/logger";
import { startDatabase } from "../api/src/db/embedded";
import { connectMongo, disconnectMongo } from "../api/src/db/connect";
import { ensureIndexes } from "../api/src/db/indexes";
import { seedDatabase } from "../seed/run";

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const logger = createLogger("warn");

for (const members of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-seed-"));
  const base = process.env.MONGO_URL ? new URL(process.env.MONGO_URL) : undefined;
  if (base) base.pathname = `/ndv_bench_seed_${members}_${Date.now()}`;
  const db = await startDatabase({ mongoUrl: base?.toString(), dataDir: dir, logger });
  try {
    await connectMongo(db, 10000);
    await ensureIndexes(db.kind);
    const t0 = performance.now();
    const counts = await seedDatabase({ members, seed: 42, now: new Date() });
    const first = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await seedDatabase({ members, seed: 42, now: new Date() });
    const again = (performance.now() - t1) / 1000;
    console.log(
      `seed ${String(members).padStart(6)} members on ${db.kind}: ${first.toFixed(1)} s (${Math.round(members / first)} members/s; ${JSON.stringify(counts)}); idempotent re-run ${again.toFixed(1)} s`,
    );
  } finally {
    await disconnectMongo();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
