import { expect } from "chai";
import { startService, type Service } from "../../api/src/bootstrap";
import { Offer } from "../../api/src/models/offer";
import { Request } from "../../api/src/models/request";
import { stopSharedStack, testEnv } from "../helpers/stack";
import { login } from "../helpers/http";
import { somaliRequest, waitFor } from "../helpers/core";

// A private service with a controllable clock, stopped and started again on the same data directory.
describe("escalation: timeouts are durable jobs", function () {
  this.timeout(180_000);
  let t = Date.now();
  const now = () => new Date(t);
  let s: Service | undefined;
  before(async () => {
    await stopSharedStack(); // one mongoose connection per process
  });
  after(async () => {
    await s?.stop();
  });

  it("escalates on time although the server restarted between the offer and its timeout", async () => {
    const env = testEnv({ DEMO_MEMBERS: "0" });
    s = await startService({ env, now });
    const requester = await login(s, "requester");
    const member = await login(s, "member"); // the demo member: Somali, Rotterdam, no weekly pattern
    const created = await requester.post("/api/v1/requests", somaliRequest);
    const id = created.body.id;
    const offer = await waitFor(async () => (await Offer.findOne({ requestId: id }).lean()) ?? null, "first offer");
    expect(offer.status).to.equal("pending");
    expect(offer.expiresAt.getTime()).to.equal(t + 10 * 60_000); // acute: 10 minutes
    expect((await member.get("/api/v1/offers?status=pending")).body.data.map((o: any) => o.requestId)).to.include(id);

    await s.stop();
    s = undefined;
    t += 5 * 60_000; // restart before the timeout: nothing may happen yet
    s = await startService({ env, now });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await Offer.findById(offer._id).lean())!.status).to.equal("pending");
    expect((await Request.findById(id).lean())!.escalationStep).to.equal("local");

    t += 6 * 60_000; // past the 10-minute timeout
    const escalated = await waitFor(
      async () => {
        const r = await Request.findById(id).lean();
        return r?.escalationStep === "coordinators" ? r : null;
      },
      "escalation to the coordinators",
      15_000,
    );
    expect((await Offer.findById(offer._id).lean())!.status).to.equal("expired");
    expect(escalated.status).to.equal("offered");
    const coordinator = await login(s, "coordinator");
    const queue = await coordinator.get("/api/v1/requests?escalated=1");
    expect(queue.body.data.map((r: any) => r.id)).to.include(id);

    t += 11 * 60_000; // the coordinators' turn times out as well
    const unfilled = await waitFor(
      async () => {
        const r = await Request.findById(id).lean();
        return r?.status === "unfilled" ? r : null;
      },
      "unfilled",
      15_000,
    );
    expect(unfilled.escalationStep).to.equal("unfilled");
  });
});
