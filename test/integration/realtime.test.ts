import { expect } from "chai";
import { io, type Socket } from "socket.io-client";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";
import { freshMembers, somaliRequest, waitFor } from "../helpers/core";

const EVENTS = ["offer:new", "offer:withdrawn", "request:updated", "coordinator:alert"];

function listen(s: Service, client: Client) {
  const got: { event: string; payload: any }[] = [];
  const socket: Socket = io(s.url, { auth: { token: client.token }, transports: ["websocket"], reconnection: false });
  for (const e of EVENTS) socket.on(e, (payload: any) => got.push({ event: e, payload }));
  const ready = new Promise<void>((res, rej) => {
    socket.on("connect", () => res());
    socket.on("connect_error", rej);
  });
  return { socket, got, ready, names: () => got.map((g) => g.event) };
}

describe("realtime: each client receives exactly the events addressed to it", function () {
  this.timeout(120_000);
  let s: Service;
  const sockets: Socket[] = [];
  before(async () => {
    s = await sharedStack();
  });
  after(() => sockets.forEach((x) => x.close()));

  it("offers to members, request updates to the requester and coordinators in scope, nothing to others", async () => {
    const admin = await login(s, "admin");
    const [a, b] = await freshMembers(admin, s, 2, { unitId: "oost-brabant", language: "eu" });
    const requester = (await newUser(s, { roles: ["requester"], unitId: "oost-brabant" })).client;
    const inScope = (await newUser(s, { roles: ["coordinator"], unitId: "oost-brabant", scope: { units: ["oost-brabant"], networks: [] } })).client;
    const outOfScope = (await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } })).client;
    const R = listen(s, requester);
    const A = listen(s, a!.client);
    const B = listen(s, b!.client);
    const C = listen(s, inScope);
    const X = listen(s, outOfScope);
    sockets.push(R.socket, A.socket, B.socket, C.socket, X.socket);
    await Promise.all([R.ready, A.ready, B.ready, C.ready, X.ready]);

    const created = await requester.post("/api/v1/requests", {
      ...somaliRequest,
      unitId: "oost-brabant",
      languages: ["eu"],
      urgency: "acute",
      description: "Casus met details",
    });
    const id = created.body.id;
    await waitFor(async () => A.names().includes("offer:new") && B.names().includes("offer:new"), "offers to both members", 30_000).catch(async (err) => {
      const { Offer } = await import("../../api/src/models/offer");
      const { Request } = await import("../../api/src/models/request");
      console.log(
        JSON.stringify(
          {
            offers: await Offer.find({ requestId: id }).lean(),
            request: await Request.findById(id).lean(),
            A: A.got,
            B: B.got,
            members: [a!.memberId, b!.memberId],
          },
          null,
          1,
        ),
      );
      throw err;
    });
    const offerA = A.got.find((g) => g.event === "offer:new")!.payload;
    expect(offerA.request.id).to.equal(id);
    expect(JSON.stringify(offerA)).to.not.contain("Casus met details");

    expect((await a!.client.post(`/api/v1/offers/${offerA.id}/accept`)).status).to.equal(200);
    await waitFor(async () => B.names().includes("offer:withdrawn") && R.got.some((g) => g.payload.status === "accepted"), "withdrawal and acceptance events");
    await new Promise((r) => setTimeout(r, 500)); // anything stray would arrive now

    // Requester: only request updates about their request, ending in "accepted".
    expect(new Set(R.names())).to.deep.equal(new Set(["request:updated"]));
    expect(R.got.every((g) => g.payload.id === id)).to.equal(true);
    expect(R.got.at(-1)!.payload.status).to.equal("accepted");
    // Member A: the offer, then the update of the request they now handle; never a withdrawal.
    expect(A.names().filter((n) => n === "offer:new")).to.have.length(1);
    expect(A.names()).to.not.include("offer:withdrawn");
    expect(A.got.filter((g) => g.event === "request:updated").map((g) => g.payload.status)).to.include("accepted");
    // Member B: the offer and its withdrawal, nothing about the request itself.
    expect(B.names()).to.deep.equal(["offer:new", "offer:withdrawn"]);
    expect(B.got[1]!.payload).to.include({ requestId: id, reason: "taken" });
    // Coordinator in scope: request events only, carrying no names or case text.
    expect(C.names().length).to.be.greaterThan(0);
    expect(C.names().every((n) => n === "request:updated")).to.equal(true);
    expect(JSON.stringify(C.got)).to.not.contain("Casus").and.not.contain(a!.name);
    // Coordinator elsewhere: nothing.
    expect(X.got).to.deep.equal([]);
  });
});
