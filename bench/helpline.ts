// Load on the helpline routing webhook: a seeded service on loopback, 200 keep-alive connections
// posting /api/v1/helpline/route for ~10 s. Prints requests/s and latency percentiles.
//   npm run bench:helpline   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_MEMBERS to change the load)
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startService } from "../api/src/bootstrap";
import { helplineFor } from "../api/src/helpline/runtime";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const MEMBERS = process.env.BENCH_MEMBERS ?? "200";
const AREA = ["010", "020", "030", "043", "050", "070", "076", "040", "053", "06"];

const dir = mkdtempSync(join(tmpdir(), "ndv-bench-helpline-"));
console.log(`starting a service (embedded FerretDB, ${MEMBERS} demo members, seeded roster) ...`);
const service = await startService({
  env: { ...process.env, NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dir, LOG_LEVEL: "silent", DEMO: "1", DEMO_MEMBERS: MEMBERS },
});
const rt = helplineFor(service.deps);
await rt.snapshot.refresh();
const { port } = new URL(service.url);
console.log(`roster snapshot: ${rt.snapshot.data.shifts.length} shifts, ${rt.snapshot.data.members.size} members`);

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const key = service.config.TELEPHONY_API_KEY;

function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/api/v1/helpline/route", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-api-key": key } },
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
}

if (process.env.BENCH_NO_FLUSH) await rt.callLog.stop(0); // diagnosis: isolate the webhook from log writes
// Warm up: the API key gets verified and cached, connections open.
await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => post(JSON.stringify({ callId: `warm-${i}` }))));

const latencies: number[] = [];
const statuses = new Map<number, number>();
const actions = new Map<string, number>();
let errors = 0;
let seq = 0;
const deadline = performance.now() + SECONDS * 1000;

async function worker(w: number) {
  while (performance.now() < deadline) {
    const n = seq++;
    // One in ten repeats an earlier callId (the platform retrying): the idempotent path.
    const callId = n % 10 === 9 ? `b-${Math.floor(n / 2)}` : `b-${n}`;
    const area = AREA[(n + w) % AREA.length]!;
    const body = JSON.stringify({ callId, callerNumber: `${area}${String(1234567 + n).slice(-7)}`, calledAt: new Date().toISOString() });
    const t0 = performance.now();
    try {
      const res = await post(body);
      latencies.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const action = res.status === 200 ? (JSON.parse(res.text) as { action: string }).action : "error";
      actions.set(action, (actions.get(action) ?? 0) + 1);
    } catch {
      errors++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
const elapsed = (performance.now() - started) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2);
console.log(`\nPOST /api/v1/helpline/route: ${CONNECTIONS} connections, ${elapsed.toFixed(1)} s on loopback`);
console.log(`  requests:     ${latencies.length} (${errors} socket errors), status ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`  requests/s:   ${(latencies.length / elapsed).toFixed(0)}`);
console.log(`  latency ms:   p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${latencies[latencies.length - 1]!.toFixed(2)}`);
console.log(`  decisions:    ${JSON.stringify(Object.fromEntries(actions))}`);
const t0 = performance.now();
await rt.callLog.flush();
console.log(`  call log:     ${rt.callLog.pending} pending after a final flush of ${(performance.now() - t0).toFixed(0)} ms`);

agent.destroy();
await service.stop();
rmSync(dir, { recursive: true, force: true });
