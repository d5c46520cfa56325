// Issue 9, findings 6 and 12: the embedded FerretDB.
// 9.6  kill -9 of the database child: it is restarted, /readyz is 200 again within 10 s without restarting
//      the service, no acknowledged write is lost, and the helpline webhook answers during the outage.
// 9.12 the database is reachable only through a private Unix socket (no TCP listener), and nothing
//      stored in it works as a credential (session tokens, API keys, calendar tokens).
import { expect } from "chai";
import { readFileSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { dirname } from "node:path";
import mongoose from "mongoose";
import type { Service } from "../../api/src/bootstrap";
import { RESTART_BACKOFF_MS } from "../../api/src/db/embedded";
import { User } from "../../api/src/models/user";
import { startStack, stopSharedStack } from "../helpers/stack";
import { Client, anonymous, login } from "../helpers/http";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Inodes of the TCP sockets in LISTEN state (IPv4 and IPv6), from /proc. */
function listeningTcpInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const f of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "0A") inodes.add(cols[9]); // 0A = LISTEN
    }
  }
  return inodes;
}

function socketInodesOf(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`)
    .map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return "";
      }
    })
    .map((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1])
    .filter((x): x is string => !!x);
}

describe("embedded database (issue 9: findings 6 and 12)", function () {
  this.timeout(120_000);
  let s: Service;

  before(async function () {
    await stopSharedStack();
    s = await startStack({ DEMO_MEMBERS: "0", MONGO_TIMEOUT_MS: "2000" });
    if (s.db.kind !== "ferretdb") this.skip();
  });
  after(async () => {
    await s?.stop();
  });

  it("9.12: listens only on a Unix socket in a 0700 directory, not on TCP", () => {
    const pid = s.db.pid!()!;
    expect(s.db.url).to.match(/^mongodb:\/\/%2F[^/]+\.sock\/ndv$/);
    const sock = statSync(s.db.socket!);
    expect(sock.isSocket()).to.equal(true);
    expect(sock.mode & 0o077, "socket not accessible to group or others").to.equal(0);
    expect(statSync(dirname(s.db.socket!)).mode & 0o777, "socket directory").to.equal(0o700);
    const listening = listeningTcpInodes();
    const mine = socketInodesOf(pid);
    expect(mine.length, "the child has sockets at all (sanity check of the /proc lookup)").to.be.above(0);
    expect(
      mine.filter((i) => listening.has(i)),
      "TCP listeners of the FerretDB child",
    ).to.deep.equal([]);
  });

  it("9.12: stores no usable session token, API key or calendar token", async () => {
    const loginRes = await anonymous(s).post("/api/v1/auth/login", { username: "admin", password: "demo" });
    const sessionToken: string = loginRes.body.token;
    const admin = new Client(s.url, sessionToken);
    const apiKey: string = (await admin.post("/api/v1/admin/api-keys", { name: "probe", role: "telephony" })).body.key;
    const calendarToken: string = (await admin.post("/api/v1/calendar/token")).body.token;
    for (const secret of [sessionToken, apiKey, calendarToken]) expect(secret).to.be.a("string").with.length.above(16);

    const db = mongoose.connection.db!;
    const docs = {
      tokens: await db.collection("tokens").find().toArray(),
      apikeys: await db.collection("apikeys").find().toArray(),
      calendartokens: await db.collection("calendartokens").find().toArray(),
    };
    expect(docs.tokens.length).to.be.above(0);
    expect(docs.apikeys.length).to.be.above(1); // the demo telephony key and ours
    expect(docs.calendartokens.length).to.equal(1);
    const dump = JSON.stringify(docs);
    for (const secret of [sessionToken, apiKey, calendarToken, "demo-telephony-key"]) expect(dump).to.not.contain(secret);
    for (const d of docs.tokens) expect(d.tokenHash).to.match(/^[0-9a-f]{64}$/);
    for (const d of docs.apikeys) expect(d.keyHash).to.match(/^[0-9a-f]{64}$/);
    for (const d of docs.calendartokens) expect(d.tokenHash).to.match(/^[0-9a-f]{64}$/);

    // What a reader of the database gets does not work as the credential itself.
    const sessionHash = docs.tokens.find((d) => d.userId === loginRes.body.user?.id)?.tokenHash ?? docs.tokens[0].tokenHash;
    expect((await new Client(s.url, sessionHash).get("/api/v1/auth/me")).status).to.equal(401);
    for (const k of docs.apikeys) {
      const res = await new Client(s.url, undefined, { "x-api-key": k.keyHash }).post("/api/v1/helpline/route", { callId: "probe" });
      expect(res.status, "API key hash used as key").to.equal(401);
    }
    expect((await anonymous(s).get(`/api/v1/calendar/me.ics?token=${docs.calendartokens[0].tokenHash}`)).status).to.equal(404);
    // ... while the real ones do (so the refusals above are not for some other reason).
    expect((await admin.get("/api/v1/auth/me")).status).to.equal(200);
    expect((await anonymous(s).get(`/api/v1/calendar/me.ics?token=${calendarToken}`)).status).to.equal(200);
  });

  it("9.6: after kill -9 of the database it restarts; readyz 200 within 10 s; no acknowledged write lost; helpline answers meanwhile", async () => {
    const admin = await login(s, "admin");
    const telephony = new Client(s.url, undefined, { "x-api-key": "demo-telephony-key" });
    expect((await telephony.post("/api/v1/helpline/route", { callId: "sup-warm" })).status).to.equal(200);

    // Writes acknowledged right up to the kill (several in flight together, as under load).
    const acked: string[] = [];
    for (let round = 0; round < 4; round++) {
      const batch = await Promise.all(
        Array.from({ length: 5 }, (_, i) => {
          const username = `durable${round}x${i}`;
          return admin
            .post("/api/v1/admin/users", { username, password: "durable-123", name: `Durable ${round} ${i}`, roles: ["requester"], unitId: "limburg" })
            .then((r) => ({ r, username }));
        }),
      );
      for (const { r, username } of batch) {
        expect(r.status, r.text).to.equal(201);
        acked.push(username);
      }
    }

    // Hold the first restart for 2.5 s so the outage is long enough to observe deterministically.
    const backoff = [...RESTART_BACKOFF_MS];
    RESTART_BACKOFF_MS.splice(0, 1, 2500);
    try {
      const oldPid = s.db.pid!()!;
      const killedAt = Date.now();
      process.kill(oldPid, "SIGKILL");
      while (alive(oldPid) && Date.now() - killedAt < 2000) await sleep(10);
      expect(alive(oldPid)).to.equal(false);

      // During the outage: not ready, and the helpline webhook answers at once (snapshot or RSC).
      expect((await anonymous(s).get("/readyz")).status).to.equal(503);
      const t0 = performance.now();
      const during = await telephony.post("/api/v1/helpline/route", { callId: "sup-outage", callerNumber: "010 7654321" });
      const ms = performance.now() - t0;
      expect(during.status).to.equal(200);
      expect(during.body.action).to.be.oneOf(["member", "rsc"]);
      expect(ms, "route answer time during the outage").to.be.below(1000);
      expect(s.db.pid!(), "not restarted yet while we probed").to.equal(undefined);

      let ready = false;
      while (!ready && Date.now() - killedAt < 10_000) {
        ready = (await anonymous(s).get("/readyz")).status === 200;
        if (!ready) await sleep(100);
      }
      if (process.env.TEST_VERBOSE) console.log(`readyz 200 again ${Date.now() - killedAt} ms after kill -9 (first restart held 2500 ms)`);
      expect(ready, "readyz 200 within 10 s of the kill").to.equal(true);
      expect(s.db.pid!()).to.be.a("number").and.not.equal(oldPid);
    } finally {
      RESTART_BACKOFF_MS.splice(0, RESTART_BACKOFF_MS.length, ...backoff);
    }

    expect(await User.countDocuments({ username: { $in: acked } }), "acknowledged writes after the crash").to.equal(acked.length);
    expect((await admin.get("/api/v1/auth/me")).status, "session survives").to.equal(200);
    expect(await login(s, acked[acked.length - 1], "durable-123").then(() => true), "last write usable").to.equal(true);
  });
});
