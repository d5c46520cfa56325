// Keyed jobs live at `_id: key` (found by _id, which the embedded store looks up without a scan); jobs
// stored the old way (ObjectId _id, unique index on key) are moved once at start-up.
import { expect } from "chai";
import mongoose from "mongoose";
import { Job } from "../../api/src/models/job";
import { migrateKeyedJobs, scheduleJob, cancelJob, activeJob } from "../../api/src/jobs/queue";
import { sharedStack } from "../helpers/stack";

describe("keyed jobs", () => {
  before(async () => {
    await sharedStack();
  });

  it("moves jobs stored the old way to _id = key, after which scheduling and cancelling find them", async () => {
    const key = `legacy:${Date.now().toString(36)}`;
    const runAt = new Date("2030-01-01T00:00:00Z");
    await Job.collection.createIndex({ key: 1 }, { unique: true, sparse: true }).catch(() => {});
    await Job.collection.insertOne({
      _id: new mongoose.Types.ObjectId() as never,
      type: "test:legacy",
      key,
      runAt,
      payload: { n: 1 },
      status: "pending",
      attempts: 0,
    });

    expect(await migrateKeyedJobs()).to.be.at.least(1);
    expect(await Job.countDocuments({ key })).to.equal(1);
    const moved = await Job.findById(key).lean();
    expect(moved).to.deep.include({ type: "test:legacy", key, status: "pending", payload: { n: 1 } });
    expect(await migrateKeyedJobs(), "nothing left to move").to.equal(0);

    await scheduleJob("test:legacy", new Date("2030-01-02T00:00:00Z"), { n: 2 }, key);
    expect(await Job.countDocuments({ key }), "re-scheduling moves the one job").to.equal(1);
    expect((await activeJob(key))?.payload).to.deep.equal({ n: 2 });
    await cancelJob(key);
    expect(await activeJob(key)).to.equal(null);
    expect((await Job.findById(key).lean())?.status).to.equal("cancelled");
  });
});
