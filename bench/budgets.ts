// Budget review at scale: 1,000 members × 20 time entries in a fresh service (DEMO=0, temp DATA_DIR).
// Prints p50/p95 of the unit summary and of the CSV export, over HTTP, as an admin (all members)
// and as a coordinator of one unit.  Run: npm run bench:budgets
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import mongoose from "mongoose";
import { startService } from "../api/src/bootstrap";
import { Member } from "../api/src/models/member";
import { TimeEntry } from "../api/src/models/time-entry";
import { createUser } from "../api/src/usecases/users/create-user";
import { BUDGET_ZONE } from "../api/src/domain/budget";
import { generateMembers, mulberry32 } from "../seed/generate";
import { countInserted } from "../seed/budgets";
import { Client, login } from "../test/helpers/http";
import { pct } from "../test/helpers/stats";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function time(label: string, fn: () => Promise<void>) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(44)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms   p95 ${pct(ms, 95).toFixed(0).padStart(5)} ms   (${RUNS} runs)`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-budgets-"));
  const service = await startService({
    env: { ...process.env, NODE_ENV: "development", DATA_DIR: dir, DEMO: "0", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" },
  });
  try {
    const now = new Date();
    const year = DateTime.fromJSDate(now, { zone: BUDGET_ZONE }).year;
    const t0 = performance.now();
    const seeds = generateMembers({ count: MEMBERS, seed: 7, now });
    const docs = seeds.map((m) => ({
      _id: new mongoose.Types.ObjectId(),
      userId: `bench:${m.key}`,
      name: m.name,
      unitId: m.unitId,
      networks: m.networks,
      active: true,
      joinedAt: m.joinedAt,
    }));
    for (let i = 0; i < docs.length; i += 500) await Member.insertMany(docs.slice(i, i + 500), { ordered: false });

    // 20 entries per member on distinct past days of this year.
    const rng = mulberry32(11);
    const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: BUDGET_ZONE });
    const days = Math.max(ENTRIES, Math.floor(DateTime.fromJSDate(now, { zone: BUDGET_ZONE }).diff(start, "days").days));
    const entries = docs.flatMap((m) =>
      Array.from({ length: ENTRIES }, (_, i) => {
        const day = start.plus({ days: Math.floor((i / ENTRIES) * days) });
        const r = rng();
        return {
          memberId: String(m._id),
          date: day.toJSDate(),
          day: day.toISODate()!,
          year,
          hours: [1, 1.5, 2, 3, 4, 6][Math.floor(rng() * 6)]!,
          category: (["operational", "professionalisation", "network"] as const)[Math.floor(rng() * 3)]!,
          status: r < 0.85 ? "approved" : r < 0.95 ? "pending" : "rejected",
          createdBy: "bench",
          version: 1,
        };
      }),
    );
    console.log(`members inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (let i = 0; i < entries.length; i += 1000) await TimeEntry.insertMany(entries.slice(i, i + 1000), { ordered: false });
    // Once for all entries: it reads the counter collections once (per chunk, that read grew with every chunk).
    await countInserted(entries);
    console.log(`entries inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`seeded ${docs.length} members × ${ENTRIES} entries = ${entries.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    await createUser({ username: "bench-admin", password: "bench-password", name: "Bench admin", roles: ["admin"], unitId: "politiedienstencentrum" });
    await createUser({
      username: "bench-coord",
      password: "bench-password",
      name: "Bench coordinator",
      roles: ["coordinator"],
      unitId: "rotterdam",
      scope: { units: ["rotterdam"], networks: [] },
    });
    const admin: Client = await login(service, "bench-admin", "bench-password");
    const coord: Client = await login(service, "bench-coord", "bench-password");
    const rdam = docs.filter((d) => d.unitId === "rotterdam").length;

    const ok = async (c: Client, path: string) => {
      const r = await c.get(path);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text.slice(0, 200)}`);
    };
    // What the figures below are measured over (a summary that misses members would be fast too).
    const { totals } = (await admin.get(`/api/v1/budgets/summary?year=${year}`)).body as { totals: { members: number; approved: number; pending: number } };
    const seeded = entries.reduce((sum, e) => sum + (e.status === "approved" ? e.hours : 0), 0);
    console.log(`summary covers ${totals.members} members, ${totals.approved} approved hours (seeded ${seeded}), ${totals.pending} pending`);
    if (totals.members !== docs.length || Math.abs(totals.approved - seeded) > 0.01) throw new Error("the summary does not cover what was seeded");
    await time(`summary, all units (admin, ${docs.length} members)`, () => ok(admin, `/api/v1/budgets/summary?year=${year}`));
    await time(`summary, one unit (coordinator, ${rdam} members)`, () => ok(coord, `/api/v1/budgets/summary?year=${year}`));
    await time(`export.csv, all (admin, ${docs.length} rows)`, () => ok(admin, `/api/v1/budgets/export.csv?year=${year}`));
    await time(`export.csv, unit=rotterdam (admin, ${rdam} rows)`, () => ok(admin, `/api/v1/budgets/export.csv?year=${year}&unit=rotterdam`));
  } finally {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
