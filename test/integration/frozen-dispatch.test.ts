import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { Job } from "../../api/src/models/job";
import { Offer } from "../../api/src/models/offer";
import { Request } from "../../api/src/models/request";
import { restartStack, startStack } from "../helpers/stack";
import { login } from "../helpers/http";
import { somaliRequest, waitFor } from "../helpers/core";

const MIN = 60_000;

// The escalation ladder and the urgency's batch/timeout are frozen on the request when its dispatch starts:
// a configuration change (DISPATCH_SETTINGS) applies to new requests only; documents from before the freeze
// follow the current configuration. A private service on a fixed clock, restarted with a new configuration.
describe("dispatch settings are frozen per request", function () {
  this.timeout(180_000);
  const t = Date.parse("2026-03-02T10:00:00Z");
  const now = () => new Date(t);
  let s: Service | undefined;
  after(async () => {
    await s?.stop();
  });

  const firstOffer = (requestId: string) => waitFor(async () => (await Offer.findOne({ requestId }).lean()) ?? null, "first offer");
  const roundTimeout = async (requestId: string) => {
    const r = await Request.findById(requestId).lean();
    const job = await Job.findOne({ key: `dispatch:${requestId}:${r!.dispatchRound}` }).lean();
    return job!.runAt.getTime() - t;
  };

  it("escalates a request in flight on its own ladder after the configuration changed; a new request uses the new one", async () => {
    s = await startStack({ DEMO_MEMBERS: "0" }, { now });
    let requester = await login(s, "requester");
    const before = (await requester.post("/api/v1/requests", somaliRequest)).body.id as string;
    const legacy = (await requester.post("/api/v1/requests", somaliRequest)).body.id as string;
    expect((await firstOffer(before)).expiresAt.getTime()).to.equal(t + 10 * MIN); // acute default: 10 minutes
    await firstOffer(legacy);
    const frozen = (await Request.findById(before).lean())!.dispatchSettings;
    expect(frozen).to.deep.include({ batchSize: 5, timeoutMs: 10 * MIN });
    expect(frozen!.ladder).to.deep.equal(["local", "national", "pool", "coordinators", "unfilled"]);
    // A document written before requests froze their settings.
    await Request.updateOne({ _id: legacy }, { $unset: { dispatchSettings: 1 } });

    await s.stop();
    s = await restartStack({ ...s.env, DISPATCH_SETTINGS: JSON.stringify({ acute: { timeoutMs: 30 * MIN } }) }, { now });
    requester = await login(s, "requester");

    const escalated = await requester.post(`/api/v1/requests/${before}/escalate`, {});
    expect(escalated.status).to.equal(200);
    expect(await roundTimeout(before)).to.equal(10 * MIN); // its own, frozen ladder and timeout

    expect((await requester.post(`/api/v1/requests/${legacy}/escalate`, {})).status).to.equal(200);
    expect(await roundTimeout(legacy)).to.equal(30 * MIN); // no snapshot: today's settings

    const after = (await requester.post("/api/v1/requests", somaliRequest)).body.id as string;
    expect((await firstOffer(after)).expiresAt.getTime()).to.equal(t + 30 * MIN);
    expect((await Request.findById(after).lean())!.dispatchSettings).to.deep.include({ timeoutMs: 30 * MIN });
    // The frozen settings stay on the server.
    expect((await requester.get(`/api/v1/requests/${after}`)).body).not.to.have.property("dispatchSettings");
  });
});
