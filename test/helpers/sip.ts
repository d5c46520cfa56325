// A SIP lab on loopback for the helpline: the API as a child process (so it can be killed or
// frozen) on its own FerretDB, Kamailio with deploy/kamailio/kamailio.cfg and a table exported for
// the lab's addresses, SIPp UAS instances as the member's phone and the RSCs, and SIPp as caller.
// Used by test/integration/sip.test.ts and bench/sip.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort, startDatabase, type DatabaseHandle } from "../../api/src/db/embedded";
import { createLogger } from "../../api/src/logger";
import { UNITS, NATIONAL_FALLBACK_RSC, unitForAreaCode } from "../../api/src/reference/units";
import { sipAddressing } from "../../api/src/helpline/sip-addressing";
import { renderKamailioTable } from "../../api/src/helpline/kamailio-export";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const KAMAILIO_DIR = join(ROOT, "deploy", "kamailio");
export const SIPP_DIR = join(KAMAILIO_DIR, "sipp");
export const RIB_NUMBER = "0880000100";
export const TELEPHONY_KEY = "sip-lab-telephony-key";

/** The tools this lab needs that are missing on this machine (kamailio, its modules, sipp). */
export function missingSipTools(): string[] {
  const missing: string[] = [];
  if (spawnSync("kamailio", ["-v"]).status !== 0) missing.push("kamailio");
  else {
    // Only missing modules skip the tests; any other config error must fail them (Kamailio says why).
    const probe = spawnSync("kamailio", ["-c", "-f", join(KAMAILIO_DIR, "kamailio.cfg"), "-A", "LISTEN=udp:127.0.0.1:5999"], { encoding: "utf8" });
    const noModule = (probe.stderr || "").split("\n").find((l) => /module.*(not found|could not|failed to load|cannot open)|load_module/i.test(l));
    if (probe.status !== 0 && noModule)
      missing.push(`Kamailio modules http_client and json (kamailio-utils-modules, kamailio-json-modules): ${noModule.trim()}`);
  }
  if (spawnSync("sipp", ["-v"]).error) missing.push("sipp (Debian package sip-tester)");
  return missing;
}

/** A UDP port nobody uses right now. */
export function udpPort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createSocket("udp4");
    s.on("error", rej);
    s.bind(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

function udpBound(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createSocket("udp4");
    s.once("error", () => res(true));
    s.bind(port, "127.0.0.1", () => s.close(() => res(false)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sends a SIP OPTIONS and resolves when anything answers (Kamailio answers 405). */
function sipPing(port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((res) => {
    const s = createSocket("udp4");
    const done = (v: boolean) => {
      clearTimeout(t);
      s.close();
      res(v);
    };
    const t = setTimeout(() => done(false), timeoutMs);
    s.on("message", () => done(true));
    s.on("error", () => done(false));
    s.bind(0, "127.0.0.1", () => {
      const lp = s.address().port;
      const msg = [
        `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${lp};branch=z9hG4bK${Math.random().toString(36).slice(2)}`,
        `From: <sip:lab@127.0.0.1:${lp}>;tag=${Math.random().toString(36).slice(2)}`,
        `To: <sip:ping@127.0.0.1:${port}>`,
        `Call-ID: ping-${Math.random().toString(36).slice(2)}@127.0.0.1`,
        "CSeq: 1 OPTIONS",
        "Max-Forwards: 70",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n");
      s.send(msg, port, "127.0.0.1");
    });
  });
}

export { pct } from "./stats";

export interface CallRecord {
  callId: string;
  caller: string;
  startMs: number;
  answerMs?: number;
  /** X-Answered-By of the UAS that answered: "member" or "rsc:<unitId>" */
  who?: string;
  setupMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  successful: number;
  failed: number;
  calls: CallRecord[];
  startedAt: number;
  endedAt: number;
  /** What SIPp reported about failed calls (its -error_file), one line each. */
  errors: string[];
}

/** Callers from every region plus a mobile and a foreign number (national fallback). */
export const LOAD_CALLERS = [
  "+31201234567",
  "+31104567890",
  "+31433214567",
  "+31703456789",
  "+31302345678",
  "+31505678901",
  "+31534567890",
  "+31402345678",
  "+31765432109",
  "+31235678901",
  "+31687654321",
  "+442071234567",
];

/** The UAS name that should answer a call from `caller` when the RSC is chosen by area code. */
export function rscNameFor(caller: string): string {
  return `rsc:${unitForAreaCode(caller)?.id ?? NATIONAL_FALLBACK_RSC.unitId}`;
}

export class SipLab {
  readonly dir = mkdtempSync(join(tmpdir(), "ndv-sip-"));
  db?: DatabaseHandle;
  dbUrl = "";
  apiPort = 0;
  kamPort = 0;
  memberPort = 0;
  rscPorts = new Map<string, number>();
  api?: ChildProcess;
  kamailio?: ChildProcess;
  uas = new Map<string, ChildProcess>();
  private apiCount = 0;
  private children = new Set<ChildProcess>();
  private onExit = () => {
    for (const c of this.children) c.kill("SIGKILL");
  };

  constructor(private opts: { memberRingMs?: number; log?: (s: string) => void } = {}) {
    process.once("exit", this.onExit);
  }

  get apiUrl() {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  /** SIP URI → UAS name, for reading /route answers. */
  nameOfUri(uri: string): string | undefined {
    if (uri.endsWith(`@127.0.0.1:${this.memberPort}`)) return "member";
    for (const [unit, port] of this.rscPorts) if (uri === `sip:rsc-${unit}@127.0.0.1:${port}`) return `rsc:${unit}`;
    return undefined;
  }

  private sipEnv(): Record<string, string> {
    return {
      HELPLINE_MEMBER_SIP_URI: `sip:{phone}@127.0.0.1:${this.memberPort}`,
      HELPLINE_RSC_SIP_URIS: JSON.stringify(Object.fromEntries([...this.rscPorts].map(([u, p]) => [u, `sip:rsc-${u}@127.0.0.1:${p}`]))),
    };
  }

  private track(c: ChildProcess): ChildProcess {
    this.children.add(c);
    c.once("exit", () => this.children.delete(c));
    return c;
  }

  /** Ports, database, table; the API and Kamailio are started separately. */
  async init(): Promise<void> {
    this.apiPort = await freePort();
    this.kamPort = await udpPort();
    this.memberPort = await udpPort();
    for (const u of UNITS) this.rscPorts.set(u.id, await udpPort());
    if (process.env.MONGO_URL) {
      const u = new URL(process.env.MONGO_URL);
      u.pathname = `/ndv_sip_${process.pid}`;
      this.dbUrl = u.toString();
    } else {
      this.db = await startDatabase({ dataDir: join(this.dir, "db"), logger: createLogger("silent") });
      this.dbUrl = this.db.url;
    }
    // The Kamailio config and a table exported for this lab's addresses (the same code as npm run export:kamailio).
    copyFileSync(join(KAMAILIO_DIR, "kamailio.cfg"), join(this.dir, "kamailio.cfg"));
    const sip = sipAddressing({
      HELPLINE_MEMBER_SIP_URI: this.sipEnv().HELPLINE_MEMBER_SIP_URI,
      HELPLINE_RSC_SIP_URIS: JSON.parse(this.sipEnv().HELPLINE_RSC_SIP_URIS!),
    });
    writeFileSync(join(this.dir, "rsc-table.cfg"), renderKamailioTable(sip));
  }

  /** Starts the API as its own process on the lab's database and waits until the demo logins work. */
  async startApi(): Promise<ChildProcess> {
    const n = ++this.apiCount;
    const out = openSync(join(this.dir, `api-${n}.log`), "a");
    const child = this.track(
      spawn(process.execPath, ["--import", "tsx", join(ROOT, "api/src/server.ts")], {
        cwd: ROOT,
        stdio: ["ignore", out, out],
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "test",
          PORT: String(this.apiPort),
          HOST: "127.0.0.1",
          DATA_DIR: join(this.dir, `api-${n}`),
          MONGO_URL: this.dbUrl,
          // The lab tests SIP, not database outages. Under `npm run test:stress` the driver's 5 s heartbeat to
          // the lab's database once timed out, which cleared its pool: a 503 to the test's own shift edit,
          // and a start-up given up. The service's defaults (5 s / 1.5 s) stay for everything else.
          MONGO_TIMEOUT_MS: "20000",
          MONGO_REQUEST_TIMEOUT_MS: "5000",
          LOG_LEVEL: "warn",
          DEMO: "1",
          DEMO_MEMBERS: "0",
          TELEPHONY_API_KEY: TELEPHONY_KEY,
          ...this.sipEnv(),
        },
      }),
    );
    closeSync(out);
    this.api = child;
    let exited = false;
    child.once("exit", () => (exited = true));
    await until(
      "the API to start",
      90_000,
      async () => {
        if (exited) throw new Error(`API exited at start-up: ${readFileSync(join(this.dir, `api-${n}.log`), "utf8").slice(-2000)}`);
        try {
          const r = await fetch(`${this.apiUrl}/api/v1/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: "planner", password: "demo" }),
          });
          return r.status === 200;
        } catch {
          return false;
        }
      },
      250,
    );
    return child;
  }

  /** SIGKILL (dead) or SIGSTOP (frozen) the API process. */
  signalApi(signal: "SIGKILL" | "SIGSTOP" | "SIGCONT"): void {
    this.api?.kill(signal);
  }

  async stopApi(): Promise<void> {
    const c = this.api;
    if (!c || c.exitCode !== null || c.signalCode) return;
    await new Promise<void>((res) => {
      c.once("exit", () => res());
      c.kill("SIGKILL");
    });
  }

  async startKamailio(extra: Record<string, string | number> = {}): Promise<void> {
    await this.stopKamailio();
    const out = openSync(join(this.dir, "kamailio.log"), "a");
    const defs: Record<string, string | number> = {
      LISTEN: `udp:127.0.0.1:${this.kamPort}`,
      API_URL: `"${this.apiUrl}"`,
      API_KEY: `"${TELEPHONY_KEY}"`,
      RIB_NUMBER: `"${RIB_NUMBER}"`,
      MEMBER_RING_MS: this.opts.memberRingMs ?? 2000,
      // As in production: a member's phone silent for 3 s is unreachable. At 1.5 s a SIPp phone starved of CPU
      // by the browser lanes of npm test (its 180 Ringing late) was once taken for unreachable.
      MEMBER_NOREPLY_MS: 3000,
      LOGLEVEL: 1,
      ...extra,
    };
    const args = [
      "-f",
      join(this.dir, "kamailio.cfg"),
      "-DD",
      "-E",
      "-Y",
      this.dir,
      "-m",
      "128",
      ...Object.entries(defs).flatMap(([k, v]) => ["-A", `${k}=${v}`]),
    ];
    this.kamailio = this.track(spawn("kamailio", args, { cwd: this.dir, stdio: ["ignore", out, out] }));
    closeSync(out);
    await until("Kamailio to answer", 15_000, () => sipPing(this.kamPort));
  }

  async stopKamailio(): Promise<void> {
    const k = this.kamailio;
    this.kamailio = undefined;
    if (!k || k.exitCode !== null) return;
    await new Promise<void>((res) => {
      k.once("exit", () => res());
      k.kill("SIGTERM");
      setTimeout(() => k.kill("SIGKILL"), 3000).unref();
    });
  }

  /** (Re)starts one UAS: "member" on the member's port, or "rsc:<unitId>". */
  async startUas(name: string, scenario: "answer" | "busy" | "no-answer" = "answer"): Promise<void> {
    await this.stopUas(name);
    const port = name === "member" ? this.memberPort : this.rscPorts.get(name.replace(/^rsc:/, ""))!;
    // The media port is picked free but can be taken by another process before SIPp binds it; SIPp then
    // exits at once ("Unable to bind audio RTP socket", seen in CI as a UAS that never listened). Such a
    // start is retried on a fresh media port (the SIP port stays: it is in Kamailio's table).
    for (let attempt = 1; ; attempt++) {
      let stderr = "";
      const c = this.track(
        spawn(
          "sipp",
          [
            "-sf",
            join(SIPP_DIR, `${scenario}.xml`),
            "-i",
            "127.0.0.1",
            "-p",
            String(port),
            "-key",
            "who",
            name,
            "-nostdin",
            "-l",
            "5000",
            "-mp",
            String(await udpPort()),
          ],
          { cwd: this.dir, stdio: ["ignore", "ignore", "pipe"] },
        ),
      );
      c.stderr!.on("data", (d) => (stderr = (stderr + String(d)).slice(-2000)));
      this.uas.set(name, c);
      const exited = () => c.exitCode !== null || c.signalCode !== null;
      await until(`SIPp UAS ${name} to listen`, 10_000, async () => exited() || (await udpBound(port)), 50);
      if (!exited()) return;
      if (attempt === 3) throw new Error(`SIPp UAS ${name} exited with ${c.exitCode} before listening: ${stderr.trim() || "(no output)"}`);
    }
  }

  async stopUas(name: string): Promise<void> {
    const c = this.uas.get(name);
    this.uas.delete(name);
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => {
      c.once("exit", () => res());
      c.kill("SIGKILL");
    });
  }

  /** UAS for every RSC that an area code or the national fallback can reach. */
  async startRscs(): Promise<void> {
    for (const u of UNITS) if (u.kind === "regional" || u.id === NATIONAL_FALLBACK_RSC.unitId) await this.startUas(`rsc:${u.id}`);
  }

  /**
   * Runs SIPp as the caller: `callers` in turn (cycled up to `count` calls) at `rate` calls/s, each
   * call held `holdMs` after the answer. `during` runs once the calls have started (e.g. to kill the API).
   */
  async call(opts: {
    callers: string[];
    count?: number;
    rate?: number;
    holdMs?: number;
    during?: (startedAt: number) => Promise<void> | void;
  }): Promise<RunResult> {
    const count = opts.count ?? opts.callers.length;
    const rate = opts.rate ?? 10;
    // Like the UAS above, a caller that cannot bind the free ports found for it (taken meanwhile by another
    // process: CI once saw a run with 0 calls) exits at once with a fatal error (254/255): such a start is
    // retried on fresh ports, before the run's timing begins to matter.
    for (let attempt = 1; ; attempt++) {
      const tag = `uac-${Date.now()}-${attempt}`;
      const csv = join(this.dir, `${tag}.csv`);
      writeFileSync(csv, ["SEQUENTIAL", ...Array.from({ length: count }, (_, i) => `${opts.callers[i % opts.callers.length]};`)].join("\n") + "\n");
      const log = join(this.dir, `${tag}.log`);
      const stat = join(this.dir, `${tag}.stat.csv`);
      const errFile = join(this.dir, `${tag}.err`);
      const args = [
        `127.0.0.1:${this.kamPort}`,
        "-sf",
        join(SIPP_DIR, "caller.xml"),
        "-inf",
        csv,
        "-key",
        "rib",
        RIB_NUMBER,
        "-d",
        String(opts.holdMs ?? 500),
        "-i",
        "127.0.0.1",
        "-p",
        String(await udpPort()),
        "-mp",
        String(await udpPort()),
        "-m",
        String(count),
        "-r",
        String(rate),
        "-l",
        "2000",
        "-nostdin",
        "-trace_logs",
        "-log_file",
        log,
        "-trace_stat",
        "-stf",
        stat,
        "-trace_err",
        "-error_file",
        errFile,
        "-timeout",
        String(Math.ceil(count / rate) + 60),
        "-timeout_error",
      ];
      const startedAt = Date.now();
      let stderr = "";
      const uac = this.track(spawn("sipp", args, { cwd: this.dir, stdio: ["ignore", "ignore", "pipe"] }));
      uac.stderr!.on("data", (d) => (stderr = (stderr + String(d)).slice(-2000)));
      const exited = new Promise<number | null>((res) => uac.once("exit", (code) => res(code)));
      const early = await Promise.race([exited, sleep(1000).then(() => undefined)]);
      if (early !== undefined && early !== null && early >= 254 && attempt < 3) continue;
      if (opts.during) await opts.during(startedAt);
      const exitCode = await exited;
      const endedAt = Date.now();
      const errors = existsSync(errFile)
        ? readFileSync(errFile, "utf8")
            .split(/\n(?=\d{4}-\d\d-\d\d\t)/)
            .filter((l) => /Aborting|failed|Timeout|unexpected/i.test(l))
            .map((l) => l.slice(0, 600))
        : [];
      if (exitCode !== null && exitCode >= 254) errors.push(`SIPp exited with ${exitCode}: ${stderr.trim() || "(no output)"}`);
      return { exitCode, ...readStats(stat), calls: readCalls(log), startedAt, endedAt, errors };
    }
  }

  async stop(): Promise<void> {
    for (const name of [...this.uas.keys()]) await this.stopUas(name);
    await this.stopKamailio();
    await this.stopApi();
    await this.db?.stop();
    process.removeListener("exit", this.onExit);
    if (!process.env.KEEP_SIP_LAB) rmSync(this.dir, { recursive: true, force: true });
    else this.opts.log?.(`SIP lab files kept in ${this.dir}`);
  }
}

function readStats(file: string): { successful: number; failed: number } {
  if (!existsSync(file)) return { successful: 0, failed: Number.NaN };
  const lines = readFileSync(file, "utf8").trim().split("\n");
  const head = lines[0]!.split(";");
  const last = lines[lines.length - 1]!.split(";");
  // Date columns hold "date\ttime\tepoch" in one field, so indices line up with the header.
  const col = (name: string) => Number(last[head.indexOf(name)]);
  return { successful: col("SuccessfulCall(C)"), failed: col("FailedCall(C)") };
}

function readCalls(file: string): CallRecord[] {
  if (!existsSync(file)) return [];
  const byId = new Map<string, CallRecord>();
  // SIPp prints its double variables with decimals: "[$s].[$us]" reads "1796145351.000000.660056.000000".
  const ms = (t: string) => {
    const [s, , us] = t.split(".");
    return Number(s) * 1000 + Number(us) / 1000;
  };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^(START|ANSWER) (\S+) (\S*) (\S+)$/);
    if (!m) continue;
    const [, kind, callId, value, t] = m;
    if (kind === "START") byId.set(callId!, { callId: callId!, caller: value!, startMs: ms(t!) });
    else {
      const c = byId.get(callId!);
      if (c) {
        c.answerMs = ms(t!);
        c.who = value;
        c.setupMs = c.answerMs - c.startMs;
      }
    }
  }
  return [...byId.values()];
}
