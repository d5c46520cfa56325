// Keyed jobs live at `_id: key` (found by _id, which the embedded store looks up without a scan); jobs
// stored the old way (ObjectId _id, unique index on key) are moved once at start-up.
import { expect } from "chai";
import mongoose from "mongoose";
import { Job } from "../../api/src/models/job";
import { migrateKeyedJobs, scheduleJob, cancelJob, activeJob, purgeFinishedJobs, FINISHED_JOBS_KEPT_MS } from "../../api/src/jobs/queue";
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

  it("the daily purge deletes jobs finished more than a week ago, and keeps failed, pending and recent ones", async () => {
    const tag = `purge:${Date.now().toString(36)}`;
    const now = new Date("2031-03-10T12:00:00Z");
    const before = new Date(now.getTime() - FINISHED_JOBS_KEPT_MS - 1000);
    const recent = new Date(now.getTime() - FINISHED_JOBS_KEPT_MS + 60_000);
    const job = (name: string, status: string, doneAt?: Date) => ({
      _id: `${tag}:${name}`,
      type: tag,
      runAt: before,
      payload: {},
      status,
      attempts: 1,
      ...(doneAt ? { doneAt } : {}),
    });
    await Job.collection.insertMany([
      job("old-done", "done", before),
      job("old-cancelled", "cancelled", before),
      job("recent-done", "done", recent),
      job("old-failed", "failed"),
      job("pending", "pending"),
    ] as never[]);
    expect(await purgeFinishedJobs(now)).to.be.at.least(2);
    const left = await Job.find({ type: tag }, { _id: 1 }).lean();
    expect(left.map((j) => String(j._id)).sort()).to.deep.equal([`${tag}:old-failed`, `${tag}:pending`, `${tag}:recent-done`]);
    await Job.deleteMany({ type: tag });
  });
});
