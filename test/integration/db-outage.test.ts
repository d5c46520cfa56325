// Issue 12, item 6: errors mean what they say. With the database stopped, every GET endpoint that
// reads answers 503 problem+json (code service_unavailable, Retry-After), never 404, 500 or a 200
// that pretends "empty". The list of endpoints comes from the router itself, so a new route is
// walked without editing this file; each is called (with valid ids) by every role that can read it
// while the database is up.
import { expect } from "chai";
import mongoose from "mongoose";
import type { Service } from "../../api/src/bootstrap";
import { apiRouter } from "../../api/src/routes";
import { healthRoutes } from "../../api/src/routes/health";
import { startStack } from "../helpers/stack";
import { Client, anonymous, login, type Res } from "../helpers/http";

const ROLES = ["requester", "member", "coordinator", "planner", "policy", "admin", "auditor"] as const;

/**
 * Answers that need no database by design, and why: a path pattern (for every caller) or
 * "pattern caller". They must answer during the outage exactly what they answered before
 * (nothing invented, nothing emptied).
 */
const WITHOUT_DATABASE: Record<string, string> = {
  "/healthz": "liveness: the process answers",
  "/api/v1/openapi.json": "static document",
  "/api/v1/auth/providers": "configuration",
  "/api/v1/auth/oidc": "configuration (404 problem: OIDC is not configured here)",
  "/api/v1/auth/oidc/callback": "configuration (404 problem: OIDC is not configured here)",
  "/api/v1/units": "reference data compiled into the service",
  "/api/v1/networks": "reference data compiled into the service",
  "/api/v1/expertise": "reference data compiled into the service",
  "/api/v1/auth/me": "the caller, from the verified session held in memory",
  "/api/v1/push/vapid-public-key": "the VAPID public key, loaded once at start-up and kept in memory",
  "/api/v1/debug/slow": "test-only route that waits and touches nothing",
  // Read models held in memory: no write can land while the database is down, so what they hold is
  // still the truth (they fail with 503 when they were never loaded).
  "/api/v1/budgets": "budget read model in memory",
  "/api/v1/budgets/summary": "budget read model in memory",
  "/api/v1/budgets/export.csv": "budget read model in memory",
  "/api/v1/members": "member directory from the search index and the member snapshot in memory",
  // Callers without a member profile have no entries and no join requests: known without reading.
  ...Object.fromEntries(["requester", "planner", "policy", "auditor"].map((who) => [`/api/v1/time-entries ${who}`, "no member profile, no own entries"])),
  ...Object.fromEntries(
    ["requester", "coordinator", "planner", "policy", "admin", "auditor"].map((who) => [
      `/api/v1/members/me/network-requests ${who}`,
      "no member profile, no join requests",
    ]),
  ),
};
const exemption = (pattern: string, who: string) => WITHOUT_DATABASE[`${pattern} ${who}`] ?? WITHOUT_DATABASE[pattern];

interface Fixture {
  clients: Record<string, Client>;
  ids: Record<string, string>;
  /** Full query string (with the calendar tokens) per path pattern. */
  queries: Record<string, string>;
}

/** An id that names nothing (with the database up: 404; down: nobody can tell, so 503). */
const unknownId = () => new mongoose.Types.ObjectId().toString();

/**
 * Calls that used to turn a database failure into 404 (`.catch(() => null)` around the lookup), and
 * unknown ids: with the database down nobody can tell "not found", so each must say 503.
 */
function lookups(memberId: string): Call[] {
  return [
    { who: "member", method: "POST", path: "/api/v1/time-entries", body: { date: "2026-01-05", hours: 1, category: "network" } },
    { who: "member", method: "PATCH", path: `/api/v1/time-entries/${unknownId()}`, body: { hours: 1 } },
    { who: "coordinator", method: "POST", path: `/api/v1/time-entries/${unknownId()}/approve`, body: {} },
    { who: "coordinator", method: "POST", path: `/api/v1/time-entries/${unknownId()}/reject`, body: { reason: "niet juist" } },
    { who: "coordinator", method: "POST", path: "/api/v1/time-entries/approve", body: { ids: [unknownId()] } },
    { who: "coordinator", method: "POST", path: `/api/v1/budgets/alerts/${unknownId()}/acknowledge`, body: {} },
    { who: "coordinator", method: "POST", path: "/api/v1/budgets/overrides", body: { memberId, extraHours: 2, reason: "extra inzet" } },
    { who: "coordinator", method: "GET", path: `/api/v1/budgets/overrides?memberId=${unknownId()}` },
    { who: "coordinator", method: "GET", path: `/api/v1/time-entries?memberId=${memberId}` },
    { who: "coordinator", method: "GET", path: `/api/v1/time-entries?memberId=${unknownId()}` },
    { who: "coordinator", method: "GET", path: `/api/v1/members/${unknownId()}` },
    { who: "requester", method: "GET", path: `/api/v1/requests/${unknownId()}` },
    { who: "requester", method: "GET", path: `/api/v1/requests/${unknownId()}/candidates` },
    { who: "member", method: "GET", path: `/api/v1/knowledge/${unknownId()}` },
  ];
}

/** Every GET route of the API and the health routes, as path patterns (`/api/v1/requests/:id`). */
function getRoutes(s: Service): string[] {
  const layers = [
    ...(apiRouter(s.deps) as unknown as { stack: { path: string; methods: string[] }[] }).stack,
    ...(healthRoutes(s.deps) as unknown as { stack: { path: string; methods: string[] }[] }).stack,
  ];
  return [...new Set(layers.filter((l) => l.methods.includes("GET")).map((l) => l.path))];
}

function concrete(pattern: string, f: Fixture): string {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const key = `${pattern}:${name}`;
    const v = f.ids[key] ?? f.ids[name];
    if (!v) throw new Error(`no id for ${key}: add one to the fixture`);
    return v;
  });
  const q = f.queries[pattern];
  return q ? `${path}?${q}` : path;
}

/** Calls per outage round (see the test). */
const ROUND = 60;

interface Call {
  who: string;
  method: string;
  path: string;
  body?: unknown;
  /** The route pattern, for GET routes taken from the router. */
  pattern?: string;
  /** Its answer with the database up. */
  before?: Res;
}

/** What is wrong with one answer given during the outage, or "" when it says what it should. */
function judge(c: Call, res: Res, ms: number): string {
  if (c.pattern === "/readyz") return res.status === 503 ? "" : "readyz must say not ready";
  const exempt = c.pattern ? exemption(c.pattern, c.who) : undefined;
  if (exempt) {
    // Served without the database: the same answer as before, never a 5xx.
    const same = !c.before || (res.status === c.before.status && res.text === c.before.text);
    return res.status < 500 && same ? "" : `changed during the outage (${exempt})`;
  }
  if (res.status !== 503) return res.text.slice(0, 160);
  if (!res.headers.get("content-type")?.includes("application/problem+json") || res.body?.code !== "service_unavailable")
    return "not a service_unavailable problem+json";
  if (!/^\d+$/.test(res.headers.get("retry-after") ?? "")) return "no Retry-After";
  // Fails fast: about MONGO_REQUEST_TIMEOUT_MS, not the driver's 30 s default.
  return ms < 10_000 ? "" : "too slow";
}

async function waitReady(s: Service) {
  let last: Res | undefined;
  for (let i = 0; i < 240; i++) {
    last = await anonymous(s).get("/readyz");
    if (last.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the service did not become ready again after the database returned: ${last?.status} ${last?.text}`);
}

/** Runs `fn` over `items`, at most `n` at a time (the outage calls mostly wait: cheap to overlap). */
async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

describe("database outage: every read answers 503 problem+json (issue 12, item 6)", function () {
  this.timeout(240_000);
  let s: Service;
  const f: Fixture = { clients: {}, ids: {}, queries: {} };
  let routes: string[] = [];
  /** Pattern → the callers that could read it with the database up, and what they got. */
  const readers = new Map<string, { who: string; res: Res }[]>();

  before(async function () {
    s = await startStack({ DEMO_MEMBERS: "30", MONGO_TIMEOUT_MS: "5000", MONGO_REQUEST_TIMEOUT_MS: "1500" });
    if (!s.db.restart) this.skip(); // an external database cannot be stopped from here
    for (const role of ROLES) f.clients[role] = await login(s, role);
    f.clients.telephony = new Client(s.url, undefined, { "x-api-key": "demo-telephony-key" });
    f.clients.anonymous = anonymous(s);

    // Own data with valid ids for the routes that take one.
    const created = await f.clients.requester.post("/api/v1/requests", {
      title: "Uitleg rouwrituelen",
      description: "Familie met Somalische achtergrond; uitleg over rouwrituelen gevraagd.",
      expertise: ["culture.somali"],
      urgency: "planned",
      mode: "phone",
      estimatedHours: 2,
      unitId: "amsterdam",
    });
    expect(created.status, created.text).to.equal(201);
    f.ids.id = created.body.id;
    const me = await f.clients.member.get("/api/v1/members/me");
    expect(me.status, me.text).to.equal(200);
    f.ids["/api/v1/members/:id:id"] = me.body.id;
    const note = await f.clients.member.post("/api/v1/knowledge", {
      title: "Rouw in Somalische families",
      body: "Algemene context over rouwrituelen.",
      expertise: ["culture.somali"],
    });
    expect(note.status, note.text).to.be.oneOf([200, 201]);
    f.ids["/api/v1/knowledge/:id:id"] = note.body.id;
    const memberCal = await f.clients.member.post("/api/v1/calendar/token");
    const plannerCal = await f.clients.planner.post("/api/v1/calendar/token");
    expect(memberCal.status, memberCal.text).to.equal(200);
    expect(plannerCal.status, plannerCal.text).to.equal(200);
    f.queries["/api/v1/calendar/me.ics"] = new URL(memberCal.body.urls.me).search.slice(1);
    f.queries["/api/v1/calendar/helpline.ics"] = new URL(plannerCal.body.urls.helpline).search.slice(1);
    f.queries["/api/v1/budgets/overrides"] = `memberId=${me.body.id}`;
    f.queries["/api/v1/search"] = "q=somalisch";
    f.queries["/api/v1/debug/slow"] = "ms=0";

    routes = getRoutes(s);
    expect(routes.length, "GET routes found in the router").to.be.above(30);
    // With the database up: who can read what (2xx). Every route must have at least one reader, or the
    // outage walk below would prove nothing about it.
    for (const pattern of routes) {
      const path = concrete(pattern, f);
      const got: { who: string; res: Res }[] = [];
      for (const [who, c] of Object.entries(f.clients)) {
        const res = await c.get(path);
        if (res.status >= 200 && res.status < 300) got.push({ who, res });
      }
      readers.set(pattern, got);
    }
  });

  after(async () => {
    await s?.stop();
  });

  it("has a reader for every GET route while the database is up", () => {
    const unread = routes.filter((p) => !readers.get(p)!.length && !WITHOUT_DATABASE[p]);
    expect(unread, "routes no caller could read (extend the fixture)").to.deep.equal([]);
  });

  it("answers 404 problem+json for unknown ids while the database is up", async () => {
    const notFound = lookups(f.ids["/api/v1/members/:id:id"]).filter(
      (c) => /[0-9a-f]{24}(\/|$|\?)/.test(c.path) && !c.path.includes("memberId=" + f.ids["/api/v1/members/:id:id"]),
    );
    const wrong: string[] = [];
    for (const c of notFound) {
      const res = await f.clients[c.who].request(c.method, c.path, c.body);
      const ok = res.status === 404 && res.headers.get("content-type")?.includes("application/problem+json") && res.body.code === "not_found";
      // A bulk approval reports per id instead of failing as a whole.
      const bulk = c.path.endsWith("/time-entries/approve") && res.status === 200 && res.body.results?.[0]?.error?.status === 404;
      if (!ok && !bulk) wrong.push(`${c.who} ${c.method} ${c.path} → ${res.status} ${res.text.slice(0, 160)}`);
    }
    expect(notFound.length).to.be.above(8);
    expect(wrong.join("\n")).to.equal("");
  });

  it("answers 503 problem+json on every reading route with the database stopped, and recovers", async () => {
    const callers = (pattern: string) => {
      const got = readers.get(pattern)!;
      const anon = got.filter((r) => r.who === "anonymous");
      if (anon.length) return anon; // public or token-in-URL route: the role of the caller plays no part
      return got.length ? got : [{ who: "anonymous", res: undefined }];
    };
    const calls: Call[] = [
      ...lookups(f.ids["/api/v1/members/:id:id"]),
      ...routes.flatMap((pattern) => callers(pattern).map((r) => ({ who: r.who, method: "GET", path: concrete(pattern, f), pattern, before: r.res }))),
    ];
    const results: string[] = [];
    const wrong: string[] = [];
    const started = Date.now();
    // In rounds: each starts with fresh sessions resolved while the database is up, so the session
    // cache (30 s) authenticates them during the outage and every call reaches its route instead of
    // failing in authentication. Each round then checks that this held.
    for (let i = 0; i < calls.length; i += ROUND) {
      const round = calls.slice(i, i + ROUND);
      await waitReady(s);
      for (const role of ROLES) {
        const fresh = await login(s, role);
        expect((await fresh.get("/api/v1/auth/me")).status).to.equal(200);
        f.clients[role] = fresh;
      }
      // Exempt answers as they are right before the outage (background jobs may have moved data since).
      for (const c of round) if (c.pattern && exemption(c.pattern, c.who) && c.before) c.before = await f.clients[c.who].get(c.path);

      await s.db.stop();
      try {
        const ready = await anonymous(s).get("/readyz");
        expect(ready.status, "readyz during the outage").to.equal(503);
        expect(ready.body.db).to.equal("down");
        const outcomes = await pool(round, 16, async (c) => {
          const t0 = Date.now();
          const res = await f.clients[c.who].request(c.method, c.path, c.body);
          return { ...c, res, ms: Date.now() - t0 };
        });
        for (const o of outcomes) {
          const line = `${o.who.padEnd(11)} ${o.method} ${o.pattern ?? o.path} → ${o.res.status} (${o.ms} ms)`;
          results.push(line);
          const problem = judge(o, o.res, o.ms);
          if (problem) wrong.push(`${line}: ${problem}`);
        }
        for (const role of ROLES) {
          const me = await f.clients[role].get("/api/v1/auth/me");
          expect(me.status, `${role}'s session still served from memory after the round (else the round proved less)`).to.equal(200);
        }
      } finally {
        await s.db.restart!();
      }
    }
    console.log(
      `      ${calls.length} calls (${routes.length} GET routes) with the database stopped, in ${Date.now() - started} ms:\n        ${results.join("\n        ")}`,
    );
    expect(wrong.join("\n"), "answers during the outage that do not say 503").to.equal("");
    const walked = new Set(calls.map((c) => c.pattern));
    expect(
      routes.filter((p) => !walked.has(p)),
      "routes not walked",
    ).to.deep.equal([]);

    await waitReady(s);
    const again = await f.clients.requester.get(`/api/v1/requests/${f.ids.id}`);
    expect(again.status, "a read works again after the outage").to.equal(200);
  });
});
