// Write-heavy micro-benchmark of the embedded FerretDB/SQLite store under different SQLite settings.
//   npm run bench:sqlite   (BENCH_OPS to change the number of operations per phase)
// Each variant gets a fresh data directory and its own FerretDB child; phases: sequential inserts,
// inserts with 20 in flight, $inc updates by _id with 20 in flight. Variants run twice, interleaved,
// and the better run counts, to damp the noise of a shared machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose from "mongoose";
import { sqliteParams, startFerret } from "../api/src/db/embedded";
import { createLogger } from "../api/src/logger";

const OPS = Number(process.env.BENCH_OPS ?? 600);
const CONCURRENCY = 20;

// BENCH_VARIANTS=a,b picks others (immediate, pool-1, pool-4) from the list below.
const ONLY = (process.env.BENCH_VARIANTS ?? "before,now,full").split(",");
const ALL: Record<string, { params: string; pool: number }> = {
  // What the service used before: FerretDB's defaults (busy_timeout 10 s, WAL, no auto_vacuum) +
  // synchronous(normal), and the MongoDB driver's default pool of 100 connections.
  before: { params: "_pragma=synchronous(normal)", pool: 100 },
  // The default now (api/src/db/embedded.ts sqliteParams()).
  now: { params: sqliteParams("normal"), pool: 100 },
  // SQLITE_SYNCHRONOUS=full: an fsync of the WAL per commit.
  full: { params: sqliteParams("full"), pool: 100 },
  // Alternatives tried: write lock taken at BEGIN; a smaller MongoDB driver pool (fewer writers queueing on SQLite's lock).
  immediate: { params: `${sqliteParams("normal")}&_txlock=immediate`, pool: 100 },
  "pool-1": { params: sqliteParams("normal"), pool: 1 },
  "pool-4": { params: sqliteParams("normal"), pool: 4 },
};
const VARIANTS = Object.fromEntries(Object.entries(ALL).filter(([k]) => ONLY.includes(k)));

interface Phase {
  name: string;
  opsPerSec: number;
  p50: number;
  p99: number;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function timed(n: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Omit<Phase, "name">> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        await op(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { opsPerSec: n / secs, p50: pct(lat, 0.5), p99: pct(lat, 0.99) };
}

async function runVariant({ params, pool }: { params: string; pool: number }): Promise<Phase[]> {
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-sqlite-"));
  const db = await startFerret(join(dir, "ferretdb"), createLogger("warn"), { sqliteParams: params });
  const client = new mongoose.mongo.MongoClient(db.url, { maxPoolSize: pool });
  try {
    await client.connect();
    const c = client.db("bench").collection<{ _id: number; n: number; text: string }>("docs");
    await c.insertOne({ _id: -1, n: 0, text: "warm-up" });
    const text = "x".repeat(200);
    const phases: Phase[] = [];
    phases.push({ name: "insert, sequential", ...(await timed(OPS / 2, 1, (i) => c.insertOne({ _id: i, n: 0, text }))) });
    phases.push({ name: `insert, ${CONCURRENCY} in flight`, ...(await timed(OPS, CONCURRENCY, (i) => c.insertOne({ _id: 100_000 + i, n: 0, text }))) });
    phases.push({
      name: `update by _id, ${CONCURRENCY} in flight`,
      ...(await timed(OPS, CONCURRENCY, (i) => c.updateOne({ _id: i % (OPS / 2) }, { $inc: { n: 1 } }))),
    });
    return phases;
  } finally {
    await client.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const best: Record<string, Phase[]> = {};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, params] of Object.entries(VARIANTS)) {
    const phases = await runVariant(params);
    best[name] = best[name] ? best[name].map((p, i) => (phases[i].opsPerSec > p.opsPerSec ? phases[i] : p)) : phases;
  }
}
console.log(`embedded FerretDB/SQLite, ${OPS} operations per phase (best of ${ROUNDS} runs)`);
for (const [name, phases] of Object.entries(best)) {
  console.log(`\n${name}: ${VARIANTS[name].params} (MongoDB driver pool ${VARIANTS[name].pool})`);
  for (const p of phases)
    console.log(
      `  ${p.name.padEnd(30)} ${p.opsPerSec.toFixed(0).padStart(6)} ops/s   p50 ${p.p50.toFixed(1).padStart(6)} ms   p99 ${p.p99.toFixed(1).padStart(6)} ms`,
    );
}
process.exit(0);
