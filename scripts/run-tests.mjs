// `npm test`: every test file, in four mocha processes side by side. The SIP load runs (300 calls at
// 10 calls/s, three times), the database outage tests and the page-walking browser tests mostly wait (on the
// clock, on timeouts, on Chromium), so three lanes of them run beside everything else. Each lane is an
// ordinary mocha run with its own embedded stack (helpers/stack.ts); nothing is shared between them but the
// machine. Lane 1 prints as it goes; the other lanes' reports follow when each ends. Exit code 0 only if
// every lane passed. Extra arguments go to every lane (e.g. `npm test -- --grep helpline`);
// `npm run test:serial` is one lane.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, createWriteStream } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const GROUPS = ["test/unit", "test/contract", "test/integration", "test/e2e"];
/**
 * Long files that mostly wait, in lanes 2 to 4 (about a quarter of the suite's time each, measured one
 * lane at a time); lane 1 runs the rest. On two cores one lane leaves most of the CPU idle.
 */
const LANES = [
  ["test/integration/sip.test.ts", "test/e2e/a11y.test.ts"],
  ["test/e2e/pages.test.ts", "test/e2e/locale.test.ts", "test/e2e/phone.test.ts", "test/e2e/admin.test.ts"],
  [
    "test/e2e/views.test.ts",
    "test/integration/db-outage.test.ts",
    "test/integration/resilience.test.ts",
    "test/e2e/pwa.test.ts",
    "test/e2e/forms.test.ts",
    "test/e2e/journey.test.ts",
    "test/e2e/security-roles.test.ts",
    "test/integration/shutdown.test.ts",
  ],
];

const files = GROUPS.flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".test.ts"))
    .sort()
    .map((f) => `${dir}/${f}`),
);
/** Idle cores over one second (Linux /proc/stat); on another system, all of them. */
async function idleCores() {
  const sample = () => {
    try {
      const [, ...t] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
      return { idle: t[3] + (t[4] ?? 0), total: t.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, 1000));
  const b = sample();
  return a && b && b.total > a.total ? ((b.idle - a.idle) / (b.total - a.total)) * cpus().length : cpus().length;
}

// Lanes help only while cores are idle: on a machine already busy (e.g. `npm run test:stress`), more
// processes would each run slower and time out where one would not. Two lanes per idle core, at most four;
// TEST_LANES sets the number.
const idle = await idleCores();
const wanted = Number(process.env.TEST_LANES) || Math.max(1, Math.min(1 + LANES.length, Math.round(idle * 2)));
const lanes = [files.filter((f) => !LANES.flat().includes(f)), ...LANES.map((lane) => files.filter((f) => lane.includes(f)))];
while (lanes.length > wanted) lanes[0].push(...lanes.pop());
console.log(`npm test: ${lanes.length} lane(s), ${idle.toFixed(1)} of ${cpus().length} cores idle (TEST_LANES to choose)`);
const extra = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "ndv-test-lanes-"));
const mocha = join(ROOT, "node_modules", "mocha", "bin", "mocha.js");
const children = new Set();

function runLane(i, lane) {
  const coverage = join(work, `coverage-${i}.json`);
  const log = join(work, `lane-${i}.log`);
  const started = Date.now();
  const child = spawn(process.execPath, [mocha, ...lane, ...extra], {
    cwd: ROOT,
    env: { ...process.env, CONTRACT_COVERAGE_FILE: coverage, ...(process.stdout.isTTY && !process.env.FORCE_COLOR ? { FORCE_COLOR: "1" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const out = createWriteStream(log);
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(out, { end: false });
    if (i === 0) stream.pipe(stream === child.stdout ? process.stdout : process.stderr, { end: false });
  }
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      children.delete(child);
      out.end(() => {
        const text = readFileSync(log, "utf8");
        if (i !== 0) process.stdout.write(`\n── lane ${i + 1} (${lane.length} files: ${lane.join(", ")}) ──\n${text}\n`);
        resolve({ lane: i + 1, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000, text, coverage });
      });
    }),
  );
}

const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const started = Date.now();
const results = await Promise.all(lanes.map((lane, i) => (lane.length ? runLane(i, lane) : null)).filter(Boolean));

// One summary in mocha's words, so scripts that read "N passing" / "N failing" keep working.
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");
const count = (text, word) => Number(plain(text).match(new RegExp(`^\\s+(\\d+) ${word}`, "m"))?.[1] ?? 0);
const total = { passing: 0, pending: 0, failing: 0 };
for (const r of results) for (const k of Object.keys(total)) total[k] += count(r.text, k);

// The contract check's coverage over all lanes (each lane writes the operations it saw).
const seen = new Set();
let operations = [];
for (const r of results) {
  try {
    const c = JSON.parse(readFileSync(r.coverage, "utf8"));
    c.seen.forEach((id) => seen.add(id));
    operations = c.operations;
  } catch {
    /* a lane that checked no answers writes nothing */
  }
}
rmSync(work, { recursive: true, force: true });

console.log(`\n== npm test: ${results.length} lanes ==`);
for (const r of results)
  console.log(
    `lane ${r.lane}: exit ${r.signal ?? r.code} in ${r.seconds.toFixed(0)} s (${count(r.text, "passing")} passing, ${count(r.text, "failing")} failing)`,
  );
if (seen.size) {
  const missing = operations.filter((id) => !seen.has(id));
  console.log(
    `contract check: answers of ${seen.size} of ${operations.length} operations checked${missing.length ? `; not exercised: ${missing.join(", ")}` : ""}`,
  );
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n  ${total.passing} passing (${minutes} min)`);
if (total.pending) console.log(`  ${total.pending} pending`);
if (total.failing) console.log(`  ${total.failing} failing`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
