// budget:alert reaches the member and the coordinators in scope as a live event, and nobody else.
import { expect } from "chai";
import { io, type Socket } from "socket.io-client";
import type { Service } from "../../api/src/bootstrap";
import { clockAt, startStack } from "../helpers/stack";
import { newUser, type Client } from "../helpers/http";

function listen(s: Service, client: Client) {
  const got: any[] = [];
  const socket: Socket = io(s.url, { auth: { token: client.token }, transports: ["websocket"], reconnection: false });
  socket.on("budget:alert", (p: any) => got.push(p));
  const ready = new Promise<void>((res, rej) => {
    socket.on("connect", () => res());
    socket.on("connect_error", rej);
  });
  return { socket, got, ready };
}

const until = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end && !check();) await new Promise((r) => setTimeout(r, 50));
};

describe("realtime: budget alerts", function () {
  this.timeout(60_000);
  let s: Service;
  const sockets: Socket[] = [];
  // Its own small service on a fixed clock: "today" and "yesterday" are in the same budget year on every run.
  before(async () => {
    s = await startStack({ DEMO_MEMBERS: "0" }, { now: clockAt("2026-12-10T10:00:00Z") });
  });
  after(async () => {
    sockets.forEach((x) => x.close());
    await s?.stop();
  });

  it("tells the member and the coordinator of their unit at 80 % and at 100 %, once each", async () => {
    // Joining today gives a small prorated allotment, so a few hours cross both thresholds.
    const member = await newUser(s, { roles: ["member"], unitId: "zeeland-west-brabant" });
    const coord = await newUser(s, { roles: ["coordinator"], unitId: "zeeland-west-brabant", scope: { units: ["zeeland-west-brabant"], networks: [] } });
    const other = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    const M = listen(s, member.client);
    const C = listen(s, coord.client);
    const O = listen(s, other.client);
    sockets.push(M.socket, C.socket, O.socket);
    await Promise.all([M.ready, C.ready, O.ready]);

    const allotted = (await member.client.get("/api/v1/budgets/me")).body.allotted as number;
    expect(allotted).to.be.greaterThan(1);
    const today = "2026-12-10"; // late in the year: joining today gives a small prorated allotment
    const toEighty = Math.ceil((allotted * 0.85) / 0.25) * 0.25; // between 80 % and 100 %
    expect((await member.client.post("/api/v1/time-entries", { date: today, hours: Math.min(toEighty, 12), category: "network" })).status).to.equal(201);
    await until(() => M.got.length >= 1 && C.got.length >= 1);
    expect(M.got.map((p) => p.level)).to.deep.equal([80]);
    expect(C.got.map((p) => p.level)).to.deep.equal([80]);

    const yesterday = "2026-12-09";
    expect(
      (await member.client.post("/api/v1/time-entries", { date: yesterday, hours: Math.ceil((allotted * 0.2) / 0.25) * 0.25 + 0.25, category: "network" }))
        .status,
    ).to.equal(201);
    await until(() => M.got.length >= 2 && C.got.length >= 2);
    expect(M.got.map((p) => p.level)).to.deep.equal([80, 100]);
    expect(C.got.map((p) => p.memberId)).to.deep.equal([member.memberId, member.memberId]);
    expect(O.got, "a coordinator of another unit hears nothing").to.deep.equal([]);
  });
});
