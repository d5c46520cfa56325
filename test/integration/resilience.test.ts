import { expect } from "chai";
import { spawn } from "node:child_process";
import type { Service } from "../../api/src/bootstrap";
import { freePort } from "../../api/src/db/embedded";
import { restartStack, startStack, testEnv } from "../helpers/stack";
import { anonymous, login } from "../helpers/http";

const ROOT = new URL("../..", import.meta.url).pathname;

function runServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "api/src/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { child, exited, output: () => out };
}

describe("resilience", function () {
  this.timeout(60000);

  it("fails start-up (no hang) with a clear message when MONGO_URL points at nothing", async () => {
    const port = await freePort();
    const started = Date.now();
    const p = runServer({ ...testEnv(), MONGO_URL: `mongodb://127.0.0.1:${port}/ndv`, MONGO_TIMEOUT_MS: "3000", DEMO: "0" });
    const code = await p.exited;
    expect(code).to.not.equal(0);
    // Bounded by MONGO_TIMEOUT_MS plus process start-up (compiling TypeScript, slow on a loaded box): it gives up, it does not hang.
    expect(Date.now() - started).to.be.below(40000);
    expect(p.output())
      .to.match(/Cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:\d+\/ndv/)
      .and.match(/MONGO_URL/);
  });

  it("finishes an in-flight request on SIGTERM, then exits 0", async () => {
    const port = await freePort();
    const p = runServer({ ...testEnv({ PORT: String(port), DEMO_MEMBERS: "0" }) });
    const url = `http://127.0.0.1:${port}`;
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 150));
    const slow = fetch(`${url}/api/v1/debug/slow?ms=1500`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill("SIGTERM");
    const res = await slow;
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ waited: 1500 });
    expect(await p.exited).to.equal(0);
  });

  it("keeps data written before a restart", async () => {
    const first = await startStack({ DEMO_MEMBERS: "0" });
    const admin = await login(first, "admin");
    const created = await admin.post("/api/v1/admin/users", {
      username: "survivor",
      password: "survive-123",
      name: "Blijft Bestaan",
      roles: ["requester"],
      unitId: "limburg",
    });
    expect(created.status).to.equal(201);
    await first.stop();
    const second = await restartStack(first.env);
    try {
      const me = await login(second, "survivor", "survive-123");
      expect((await me.get("/api/v1/auth/me")).body.name).to.equal("Blijft Bestaan");
    } finally {
      await second.stop();
    }
  });

  describe("with the database stopped while running", () => {
    let s: Service;
    before(async () => {
      s = await startStack({ DEMO_MEMBERS: "0", MONGO_TIMEOUT_MS: "2000" });
    });
    after(async () => {
      await s?.stop();
    });

    it("reports 503 db on /readyz and 503 problem+json on requests (no hang), then recovers", async function () {
      if (!s.db.restart) this.skip();
      const c = await login(s, "coordinator");
      await s.db.stop();
      const ready = await anonymous(s).get("/readyz");
      expect(ready.status).to.equal(503);
      expect(ready.body.db).to.equal("down");
      const started = Date.now();
      const res = await anonymous(s).post("/api/v1/auth/login", { username: "requester", password: "demo" });
      expect(res.status).to.equal(503);
      expect(res.headers.get("content-type")).to.contain("application/problem+json");
      expect(Date.now() - started).to.be.below(8000);

      await s.db.restart!();
      let ok = false;
      for (let i = 0; i < 60 && !ok; i++) {
        ok = (await anonymous(s).get("/readyz")).status === 200;
        if (!ok) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ok, "ready again after the database returns").to.equal(true);
      expect((await c.get("/api/v1/auth/me")).status).to.equal(200);
    });
  });
});
