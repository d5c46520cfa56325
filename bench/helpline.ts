// Load on the helpline routing webhook: a seeded service on loopback, 200 keep-alive connections
// posting /api/v1/helpline/route for ~10 s. Prints requests/s and latency percentiles.
//   npm run bench:helpline   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_MEMBERS to change the load)
// The load generator runs in a worker thread so it does not share the server's event loop.
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const MEMBERS = process.env.BENCH_MEMBERS ?? "200";
const AREA = ["010", "020", "030", "043", "050", "070", "076", "040", "053", "06"];

interface Result {
  latencies: number[];
  statuses: Record<string, number>;
  actions: Record<string, number>;
  errors: number;
  elapsed: number;
}

async function generateLoad(port: string, key: string): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const post = (body: string, path = "/api/v1/helpline/route") =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-api-key": key },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  // Warm up: the API key gets verified and cached, connections open.
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      const res = await post(JSON.stringify({ callId: `warm-${i}` }));
      if (res.text.includes('"action":"member"')) await post(JSON.stringify({ outcome: "answered" }), `/api/v1/helpline/calls/warm-${i}/outcome`);
    }),
  );

  const r: Result = { latencies: [], statuses: {}, actions: {}, errors: 0, elapsed: 0 };
  let seq = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      const n = seq++;
      // One in ten repeats an earlier callId (the platform retrying): the idempotent path.
      const callId = n % 10 === 9 ? `b-${Math.floor(n / 2)}` : `b-${n}`;
      const area = AREA[(n + w) % AREA.length]!;
      const body = JSON.stringify({ callId, callerNumber: `${area}${String(1234567 + n).slice(-7)}`, calledAt: new Date().toISOString() });
      const t0 = performance.now();
      try {
        const res = await post(body);
        r.latencies.push(performance.now() - t0);
        r.statuses[res.status] = (r.statuses[res.status] ?? 0) + 1;
        const action = res.status === 200 ? (JSON.parse(res.text) as { action: string }).action : "error";
        r.actions[action] = (r.actions[action] ?? 0) + 1;
        // A member who answered is free again: report it, so members keep taking calls (not timed).
        if (action === "member") await post(JSON.stringify({ outcome: "answered", durationSec: 120 }), `/api/v1/helpline/calls/${callId}/outcome`);
      } catch {
        r.errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  r.elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return r;
}

if (!isMainThread) {
  const { port, key } = workerData as { port: string; key: string };
  parentPort!.postMessage(await generateLoad(port, key));
} else {
  const { startService } = await import("../api/src/bootstrap");
  const { helplineFor } = await import("../api/src/helpline/runtime");
  const dir = mkdtempSync(join(tmpdir(), "ndv-bench-helpline-"));
  console.log(`starting a service (embedded FerretDB, ${MEMBERS} demo members, seeded roster) ...`);
  const service = await startService({
    env: { ...process.env, NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dir, LOG_LEVEL: "silent", DEMO: "1", DEMO_MEMBERS: MEMBERS },
  });
  const rt = helplineFor(service.deps);
  await rt.snapshot.refresh();
  console.log(`roster snapshot: ${rt.snapshot.data.shifts.length} shifts, ${rt.snapshot.data.members.size} members on or near duty`);

  // The worker runs this same file; tsx is registered there by hand (execArgv --import is not honoured).
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { port: new URL(service.url).port, key: service.config.TELEPHONY_API_KEY } });
  const r = await new Promise<Result>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();

  const lat = r.latencies.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!.toFixed(2);
  console.log(`\nPOST /api/v1/helpline/route: ${CONNECTIONS} connections, ${r.elapsed.toFixed(1)} s on loopback`);
  console.log(`  requests:     ${lat.length} (${r.errors} socket errors), status ${JSON.stringify(r.statuses)}`);
  console.log(`  requests/s:   ${(lat.length / r.elapsed).toFixed(0)}`);
  console.log(`  latency ms:   p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${lat[lat.length - 1]!.toFixed(2)}`);
  console.log(`  decisions:    ${JSON.stringify(r.actions)}`);
  console.log(`  call log:     ${rt.callLog.pending} calls still buffered (flushed in the background)`);
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
}
