import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { anonymous, login, newUser, Client } from "../helpers/http";

describe("foundation: HTTP basics on the embedded database", () => {
  let s: Service;
  before(async function () {
    this.timeout(120_000); // the first file to run starts the shared stack; under load that can pass 30 s
    s = await sharedStack();
  });

  it("talks to a MongoDB-protocol server over the wire", () => {
    expect(s.db.url).to.match(/^mongodb:\/\//);
    if (!process.env.MONGO_URL) expect(s.db.kind).to.equal("ferretdb");
  });

  it("answers /healthz and /readyz with db and search ok", async () => {
    expect((await anonymous(s).get("/healthz")).status).to.equal(200);
    const ready = await anonymous(s).get("/readyz");
    expect(ready.status).to.equal(200);
    expect(ready.body).to.deep.equal({ db: "ok", search: "ok" });
  });

  it("serves the OpenAPI document", async () => {
    const res = await anonymous(s).get("/api/v1/openapi.json");
    expect(res.status).to.equal(200);
    expect(res.body.openapi).to.match(/^3\.1/);
    expect(res.body.paths).to.have.property("/auth/login");
  });

  it("logs in a demo user and tells who they are", async () => {
    const res = await anonymous(s).post("/api/v1/auth/login", { username: "coordinator", password: "demo" });
    expect(res.status).to.equal(200);
    expect(res.body.token).to.be.a("string");
    expect(res.headers.get("set-cookie"))
      .to.match(/ndv_session=.*httponly/i)
      .and.match(/samesite=strict/i);
    const me = await new Client(s.url, res.body.token).get("/api/v1/auth/me");
    expect(me.status).to.equal(200);
    expect(me.body.roles).to.include.members(["coordinator", "requester"]);
    expect(me.body.unitId).to.equal("rotterdam");
  });

  it("accepts the session cookie instead of a bearer token", async () => {
    const res = await anonymous(s).post("/api/v1/auth/login", { username: "requester", password: "demo" });
    const cookie = res.headers.get("set-cookie")!.split(";")[0];
    const me = await anonymous(s).request("GET", "/api/v1/auth/me", undefined, { cookie });
    expect(me.status).to.equal(200);
    expect(me.body.name).to.contain("Sanne");
  });

  it("gives 401 without credentials and for a bad token", async () => {
    const a = await anonymous(s).get("/api/v1/auth/me");
    expect(a.status).to.equal(401);
    expect(a.headers.get("content-type")).to.contain("application/problem+json");
    const b = await new Client(s.url, "nonsense").get("/api/v1/auth/me");
    expect(b.status).to.equal(401);
  });

  it("rejects malformed JSON with 400 problem+json", async () => {
    const res = await anonymous(s).request("POST", "/api/v1/auth/login", '{"username": "x", ');
    expect(res.status).to.equal(400);
    expect(res.headers.get("content-type")).to.contain("application/problem+json");
    expect(res.body).to.include({ status: 400, title: "Malformed JSON" });
    expect(res.text).not.to.match(/at .*\.ts:\d+/);
  });

  it("names the field for wrong types and unknown fields", async () => {
    const wrong = await anonymous(s).post("/api/v1/auth/login", { username: 42, password: "x" });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).to.include("username");
    const unknown = await anonymous(s).post("/api/v1/auth/login", { username: "a", password: "b", admin: true });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.errors[0]).to.include({ path: "admin", code: "unknown_field", in: "body" });
  });

  it("gives 404 problem+json for an unknown route", async () => {
    const res = await anonymous(s).get("/api/v1/nope");
    expect(res.status).to.equal(404);
    expect(res.headers.get("content-type")).to.contain("application/problem+json");
    expect(res.body.status).to.equal(404);
  });

  it("slows an address down after 5 wrong passwords for one account (429 + Retry-After), without a lock", async () => {
    const { username } = await newUser(s, { roles: ["requester"] });
    for (let i = 0; i < 5; i++) expect((await anonymous(s).post("/api/v1/auth/login", { username, password: "wrong" })).status).to.equal(401);
    const sixth = await anonymous(s).post("/api/v1/auth/login", { username, password: "test-password-1" });
    expect(sixth.status).to.equal(429);
    expect(sixth.body.detail).to.match(/try again in \d+ seconds/);
    expect(sixth.headers.get("retry-after")).to.match(/^\d+$/);
  });

  it("revokes a token on logout", async () => {
    const c = await login(s, "member");
    expect((await c.get("/api/v1/auth/me")).status).to.equal(200);
    expect((await c.post("/api/v1/auth/logout")).status).to.equal(204);
    expect((await c.get("/api/v1/auth/me")).status).to.equal(401);
  });

  it("forbids a requester the admin endpoints (403) and lets the admin in", async () => {
    const requester = await login(s, "requester");
    const res = await requester.post("/api/v1/admin/api-keys", { name: "x", role: "telephony" });
    expect(res.status).to.equal(403);
    const admin = await login(s, "admin");
    const ok = await admin.post("/api/v1/admin/api-keys", { name: "pbx", role: "telephony" });
    expect(ok.status).to.equal(201);
    expect(ok.body.key).to.be.a("string");
  });

  it("deactivating a user ends their sessions", async () => {
    const u = await newUser(s, { roles: ["requester"] });
    const admin = await login(s, "admin");
    expect((await admin.patch(`/api/v1/admin/users/${u.id}`, { active: false })).status).to.equal(200);
    expect((await u.client.get("/api/v1/auth/me")).status).to.equal(401);
  });

  it("serves reference data to signed-in users", async () => {
    const c = await login(s, "requester");
    const units = (await c.get("/api/v1/units")).body;
    expect(units.filter((u: { kind: string }) => u.kind === "regional")).to.have.length(10);
    expect(units[0].rsc.phone).to.be.a("string");
    const networks = (await c.get("/api/v1/networks")).body.map((n: { id: string }) => n.id);
    expect(networks).to.include.members(["ndv", "roze-in-blauw"]);
    const expertise = (await c.get("/api/v1/expertise")).body;
    expect(expertise.length).to.be.at.least(60);
  });
});
