// Load generator for bench/http: runs autocannon in a child process (not a worker thread: autocannon
// in a worker thread reports raw histograms), so the load does not share the service's event loop.
// Plain CommonJS: setupRequest functions cannot cross the process boundary, so the per-request bodies
// and paths are built here from a small description sent by the parent.
const autocannon = require("autocannon");

process.once("message", (spec) => run(spec));

function run({ url, path, method, headers, body, kind, ids, duration, amount, connections }) {
  const prefix = `bench-${process.pid}`; // each run's calls are new to the service
  let n = 0;
  const request = { method, path, headers: { ...headers, ...(body !== undefined || kind ? { "content-type": "application/json" } : {}) }, body };
  if (kind === "route") {
    // A fresh callId per request, one in ten repeating an earlier one (the platform retrying).
    request.setupRequest = (req) => {
      const i = n++;
      const callId = i % 10 === 9 ? `${prefix}-${Math.floor(i / 2)}` : `${prefix}-${i}`;
      return { ...req, body: JSON.stringify({ callId, callerNumber: `010${String(1234567 + i).slice(-7)}` }) };
    };
  } else if (kind === "ids") {
    // Each id once (e.g. approving a different pending time entry per request).
    request.setupRequest = (req) => ({ ...req, path: path.replace(":id", ids[n++ % ids.length]), body: "{}" });
  }

  autocannon({ url, connections, duration, ...(amount ? { amount } : {}), pipelining: 1, timeout: 10, requests: [request] }, (err, r) => {
    if (err) return process.send({ error: String(err) }, () => process.exit(0));
    process.send(
      {
        rps: r.requests.average,
        total: r.requests.total,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        seconds: r.duration,
        cpuMs: cpuMs(process.cpuUsage()), // the load generator's own CPU
      },
      () => process.exit(0),
    );
  });
}

const cpuMs = ({ user, system }) => (user + system) / 1000;
