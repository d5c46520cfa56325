// Calls through the real SIP path: SIPp caller → Kamailio (deploy/kamailio) → routing API → SIPp
// phones (an on-duty member and every RSC), on loopback. One run, three phases: the API up, frozen
// (SIGSTOP) and down (SIGKILL). Prints calls/s and INVITE→200 set-up p50/p99 for each.
//   npm run bench:sip   (BENCH_SIP_CALLS per phase, default 2000; BENCH_SIP_RATE calls/s, default 200)
// Needs kamailio, kamailio-utils-modules, kamailio-json-modules and sip-tester (SIPp).
import { Client } from "../test/helpers/http";
import { LOAD_CALLERS, SipLab, missingSipTools, pct, type RunResult } from "../test/helpers/sip";

const CALLS = Number(process.env.BENCH_SIP_CALLS ?? 2000);
const RATE = Number(process.env.BENCH_SIP_RATE ?? 200);

async function main() {
  const missing = missingSipTools();
  if (missing.length) {
    console.error(`bench:sip needs ${missing.join(", ")} (apt-get install kamailio kamailio-utils-modules kamailio-json-modules sip-tester)`);
    process.exit(1);
  }
  const lab = new SipLab({ log: console.log });
  const rows: { phase: string; r: RunResult }[] = [];
  try {
    process.stdout.write("starting the API, Kamailio and SIPp phones ... ");
    await lab.init();
    await lab.startApi();
    const login = async (u: string) =>
      new Client(lab.apiUrl, (await new Client(lab.apiUrl).post("/api/v1/auth/login", { username: u, password: "demo" })).body.token);
    const memberId = (await (await login("member")).get("/api/v1/members/me")).body.id;
    const now = Date.now();
    await (
      await login("planner")
    ).post("/api/v1/helpline/shifts", { memberId, start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 3 * 3_600_000).toISOString() });
    await lab.startRscs();
    await lab.startUas("member", "answer");
    console.log("ok");

    const phase = async (name: string, before: () => void | Promise<void>) => {
      await before();
      await lab.startKamailio(); // fresh switch per phase: no circuit-breaker state carried over
      process.stdout.write(`${name}: ${CALLS} calls at ${RATE}/s ... `);
      const r = await lab.call({ callers: LOAD_CALLERS, count: CALLS, rate: RATE, holdMs: 500 });
      console.log(`${r.successful} answered, ${r.failed} failed`);
      rows.push({ phase: name, r });
    };
    await new Promise((res) => setTimeout(res, 500)); // let the roster snapshot pick up the shift
    await phase("API up", () => {});
    await phase("API frozen (SIGSTOP)", () => lab.signalApi("SIGSTOP"));
    await phase("API down (SIGKILL)", () => lab.stopApi());
  } finally {
    await lab.stop();
  }

  console.log(`\nKamailio 5.6 + SIPp on loopback, ${CALLS} calls per phase offered at ${RATE}/s, member on duty, 12 caller regions`);
  console.log("phase                   answered  failed  calls/s  INVITE→200 p50   p99");
  for (const { phase, r } of rows) {
    const setups = r.calls.filter((c) => c.setupMs !== undefined).map((c) => c.setupMs!);
    const answers = r.calls.filter((c) => c.answerMs !== undefined).map((c) => c.answerMs!);
    const first = Math.min(...r.calls.map((c) => c.startMs));
    const cps = answers.length / ((Math.max(...answers) - first) / 1000);
    console.log(
      `${phase.padEnd(24)}${String(r.successful).padStart(8)}${String(r.failed).padStart(8)}${cps.toFixed(1).padStart(9)}${`${pct(setups, 50).toFixed(1)} ms`.padStart(17)}${`${pct(setups, 99).toFixed(1)} ms`.padStart(11)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
