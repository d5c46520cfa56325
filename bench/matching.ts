// Matching at scale: N seeded members (default 10,000) in a fresh service (DEMO=0, temp DATA_DIR, embedded
// engine). Prints p50/p95/p99 of ranking a request's candidates (in process, the same function
// GET /requests/:id/candidates uses), a breakdown per stage, uncached costs for comparison, and offers
// dispatched per second. With MEILI_URL set (or the shared Meilisearch test server next to the project) the
// same figures on Meilisearch, over the same data, side by side.
// Run: npm run bench:matching   (BENCH_MEMBERS, BENCH_RUNS, BENCH_DISPATCH to change the sizes)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startService } from "../api/src/bootstrap";
import mongoose from "mongoose";
import { exampleRequests, generateMembers } from "../seed/generate";
import { seedCore } from "../seed/core";
import { Member } from "../api/src/models/member";
import { reindexAll } from "../api/src/indexing/reindex";
import { rankCandidates, matchText, recentEngagements, candidatePool, type RankStages, type RequestForMatching } from "../api/src/matching/candidates";
import { memberSnapshot } from "../api/src/matching/snapshot";
import { searchExpertise } from "../api/src/matching/member-search";
import { FairnessCache, fairnessCache } from "../api/src/matching/fairness-cache";
import { nextRequestNumber, Request } from "../api/src/models/request";
import { Offer } from "../api/src/models/offer";
import { dispatchRequest } from "../api/src/dispatch/dispatch";
import type { Deps } from "../api/src/deps";
import { MeilisearchAdapter } from "../search/meilisearch";
import { meiliServer } from "./meili-server";
import { pct } from "../test/helpers/stats";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const DISPATCH = Number(process.env.BENCH_DISPATCH ?? 50);

const cell = (ms: number[] | undefined) =>
  ms ? `${pct(ms, 50).toFixed(1).padStart(6)} ${pct(ms, 95).toFixed(1).padStart(6)} ${pct(ms, 99).toFixed(1).padStart(6)}` : "".padStart(20);
/** One row: p50/p95/p99 in ms per engine, side by side. */
const line = (label: string, ...engines: (number[] | undefined)[]) => console.log(`${label.padEnd(36)} ${engines.map(cell).join("   ")}`);

type Figures = Map<string, number[]> & { scored?: number; ranked?: number };

/** Ranking figures on one deps (engine): warm, new text each run, stages, uncached costs. */
async function figures(deps: Deps, requests: RequestForMatching[]): Promise<Figures> {
  for (const r of requests) await rankCandidates(deps, r); // warm-up
  const total: number[] = [];
  const stages = { load: [] as number[], pool: [] as number[], fairness: [] as number[], score: [] as number[] };
  const phases = { expertise: [] as number[], members: [] as number[], budgets: [] as number[], engagements: [] as number[] };
  let candidates = 0;
  let pooled = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = requests[i % requests.length]!;
    const st = {} as RankStages;
    const s = performance.now();
    const res = await rankCandidates(deps, r, new Date(), st);
    total.push(performance.now() - s);
    for (const k of Object.keys(stages) as (keyof RankStages)[]) stages[k].push(st[k]);
    candidates += res.ranked.length;
    pooled += res.ranked.length + res.excluded.length;
  }
  // Every request text new (no relevance cache hit): the search port is queried on the request path.
  const coldText: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 50); i++) {
    const r = requests[i % requests.length]!;
    const s = performance.now();
    await rankCandidates(deps, { ...r, title: `${r.title} ${i}` });
    coldText.push(performance.now() - s);
  }
  // Uncached costs, measured apart so they do not disturb the timings above: what the relevance cache
  // and the fairness cache save on a cold request, and (for comparison) the members-index query
  // ranking used before (title + labels against every member document).
  for (let i = 0; i < Math.min(RUNS, 20); i++) {
    const r = requests[i % requests.length]!;
    let p = performance.now();
    const items = await searchExpertise(deps, matchText(r));
    phases.expertise.push(performance.now() - p);
    p = performance.now();
    await deps.search.search("members", { q: matchText(r), filters: { active: true, consented: true }, limit: 200 });
    phases.members.push(performance.now() - p);
    const ids = [...candidatePool(memberSnapshot(deps), r, items).keys()];
    p = performance.now();
    await new FairnessCache(deps).remainingFor(ids, new Date()); // a fresh cache: the uncached cost
    phases.budgets.push(performance.now() - p);
    p = performance.now();
    await recentEngagements(ids, new Date());
    phases.engagements.push(performance.now() - p);
  }
  const out: Figures = new Map<string, number[]>([
    ["rankCandidates (total)", total],
    ["rankCandidates (new text each run)", coldText],
    ["  load (snapshot, search, caches)", stages.load],
    ["  candidate pool (snapshot index)", stages.pool],
    ["  budgets + engagements (cache)", stages.fairness],
    ["  filter + score (domain)", stages.score],
    ["  search port, expertise words", phases.expertise],
    ["  search port, members index (old)", phases.members],
    ["  remaining budgets of the pool", phases.budgets],
    ["  recent engagements of the pool", phases.engagements],
  ]);
  out.scored = pooled / RUNS;
  out.ranked = candidates / RUNS;
  return out;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-matching-"));
  const { MEILI_URL: _url, MEILI_MASTER_KEY: _key, ...env } = process.env; // the service runs embedded; Meilisearch is added below
  const service = await startService({ env: { ...env, NODE_ENV: "production", DATA_DIR: dir, DEMO: "0", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" } });
  const { deps } = service;
  try {
    let t = performance.now();
    // The seed generator's members, written with plain inserts: seedDatabase's idempotent upserts are
    // slow on FerretDB at this size and idempotency is not needed in a fresh store.
    const now = new Date();
    const seeds = generateMembers({ count: MEMBERS, seed: 42, now });
    const docs = seeds.map((m) => ({
      _id: new mongoose.Types.ObjectId(),
      userId: `seed:${m.key}`,
      seedKey: m.key,
      name: m.name,
      email: m.email,
      phone: m.phone,
      unitId: m.unitId,
      networks: m.networks,
      expertise: m.expertise,
      languages: m.languages,
      availability: m.availability,
      consent: m.consent,
      active: m.active,
      joinedAt: m.joinedAt,
    }));
    for (let i = 0; i < docs.length; i += 500) {
      await Member.insertMany(docs.slice(i, i + 500), { ordered: false });
      process.stdout.write(`\r  seeding members: ${Math.min(i + 500, docs.length)}/${docs.length}   `);
    }
    const counts = await seedCore(
      docs.map((d, i) => ({ id: String(d._id), seed: seeds[i]! })),
      { members: MEMBERS, seed: 42, now },
    );
    process.stdout.write("\n");
    console.log(`seeded ${MEMBERS} members + ${JSON.stringify(counts)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await reindexAll(deps.search);
    console.log(`indexed in ${((performance.now() - t) / 1000).toFixed(1)} s (${deps.search.kind})`);
    t = performance.now();
    await memberSnapshot(deps).ready();
    console.log(`member snapshot loaded in ${(performance.now() - t).toFixed(0)} ms (${memberSnapshot(deps).size} members)`);
    t = performance.now();
    await fairnessCache(deps).prime(new Date());
    console.log(`fairness cache warmed in ${(performance.now() - t).toFixed(0)} ms (budgets and engagements of every member, in the background)`);

    const requests: RequestForMatching[] = exampleRequests().map((r, i) => ({
      id: `bench-${i}`,
      title: r.title,
      expertise: r.expertise,
      languages: r.languages ?? [],
      urgency: r.urgency,
      unitId: r.unitId,
      estimatedHours: r.estimatedHours,
      mode: r.mode,
    }));
    const embedded = await figures(deps, requests);
    let meili: Figures | undefined;
    const server = await meiliServer();
    if (server) {
      const adapter = new MeilisearchAdapter(server.url, server.key, `bench_${process.pid}_`);
      try {
        t = performance.now();
        await adapter.init();
        await reindexAll(adapter);
        console.log(`indexed on Meilisearch (${server.source}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        const onMeili: Deps = { ...deps, search: adapter };
        await memberSnapshot(onMeili).ready();
        await fairnessCache(onMeili).prime(new Date());
        meili = await figures(onMeili, requests);
      } finally {
        await adapter.drop().catch(() => {});
        await adapter.close();
        await server.stop();
      }
    }
    console.log(
      `\nranking a request's candidates among ${MEMBERS} members (avg ${embedded.scored!.toFixed(0)} scored, ${embedded.ranked!.toFixed(0)} ranked), ms:`,
    );
    console.log(`${"".padEnd(36)} ${"embedded".padEnd(20)}   ${meili ? "Meilisearch".padEnd(20) : ""}`);
    console.log(
      `${"".padEnd(36)} ${["p50 ", "p95 ", "p99 "].map((x) => x.padStart(6)).join(" ")}   ${meili ? ["p50 ", "p95 ", "p99 "].map((x) => x.padStart(6)).join(" ") : ""}`,
    );
    for (const [label, ms] of embedded) {
      if (label === "  load (snapshot, search, caches)") console.log("stages (inside rankCandidates, first line):");
      if (label === "  search port, expertise words") console.log("uncached, for comparison:");
      line(label, ms, meili?.get(label));
    }

    // Dispatch throughput: first rounds of fresh requests (rank, decide, write offers, schedule timeout).
    const created = [];
    for (let i = 0; i < DISPATCH; i++) {
      const ex = exampleRequests()[i % 5]!;
      created.push(
        await Request.create({
          title: ex.title,
          description: ex.description,
          expertise: ex.expertise,
          languages: ex.languages ?? [],
          urgency: ex.urgency === "planned" ? "today" : ex.urgency,
          mode: ex.mode,
          unitId: ex.unitId,
          estimatedHours: ex.estimatedHours,
          number: await nextRequestNumber(new Date()),
          requesterId: "bench",
          refSalt: randomBytes(16).toString("hex"),
        }),
      );
    }
    t = performance.now();
    for (const r of created) await dispatchRequest(deps, r.id, { round: 0 });
    const secs = (performance.now() - t) / 1000;
    const offers = await Offer.countDocuments({ requestId: { $in: created.map((r) => r.id) } });
    console.log(
      `\ndispatch: ${DISPATCH} requests, ${offers} offers in ${secs.toFixed(2)} s → ${(offers / secs).toFixed(1)} offers/s, ${(DISPATCH / secs).toFixed(1)} rounds/s`,
    );
  } finally {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
