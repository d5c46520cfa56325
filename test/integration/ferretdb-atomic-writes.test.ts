// Issue 11: on the embedded FerretDB, an update, findAndModify or delete acts on the document as it is
// when it writes, as on MongoDB (tools/ferretdb/overlay/write_lock.go). Upstream queried and then wrote by
// _id with nothing in between, so concurrent writers of one document lost each other's changes: 2,000
// concurrent `$inc`s left 1,678, and two conditional updates of one open request both won 20 times in 200
// (in the service: a dispatch round wrote an accepted request back to "offered").
import { expect } from "chai";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose from "mongoose";
import { FERRETDB_BIN, startFerret, type DatabaseHandle } from "../../api/src/db/embedded";

const { MongoClient } = mongoose.mongo;
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Parameters<typeof startFerret>[1];
type Doc = { _id: string; n?: number; status?: string; by?: string };

describe("embedded FerretDB: concurrent writes of one document do not lose each other (issue 11)", function () {
  this.timeout(120_000);
  let dir: string;
  let db: DatabaseHandle;
  let client: InstanceType<typeof MongoClient>;
  const col = () => client.db("ndv").collection<Doc>("atomic");

  before(async function () {
    if (!existsSync(FERRETDB_BIN)) this.skip();
    dir = mkdtempSync(join(tmpdir(), "ndv-atomic-"));
    db = await startFerret(dir, quiet);
    client = new MongoClient(db.url, { maxPoolSize: 20 });
    await client.connect();
  });

  after(async () => {
    await client?.close();
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("counts every one of 1,000 $inc from 20 connections at once", async () => {
    await col().insertOne({ _id: "counter", n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 50; i++) await col().updateOne({ _id: "counter" }, { $inc: { n: 1 } });
      }),
    );
    expect((await col().findOne({ _id: "counter" }))?.n).to.equal(1000);
  });

  it("lets exactly one of two simultaneous conditional updates win, 100 times out of 100", async () => {
    const outcomes = { one: 0, both: 0, none: 0, overwritten: 0 };
    for (let i = 0; i < 100; i++) {
      const _id = `request-${i}`;
      await col().insertOne({ _id, status: "open" });
      const [accept, dispatch] = await Promise.all([
        col().findOneAndUpdate({ _id, status: "open" }, { $set: { status: "accepted", by: "member" } }, { returnDocument: "after" }),
        col().findOneAndUpdate({ _id, status: "open" }, { $set: { status: "offered" } }, { returnDocument: "after" }),
      ]);
      outcomes[accept && dispatch ? "both" : accept || dispatch ? "one" : "none"]++;
      const final = await col().findOne({ _id });
      if (final?.status !== (accept ?? dispatch)?.status) outcomes.overwritten++;
    }
    expect(outcomes).to.deep.equal({ one: 100, both: 0, none: 0, overwritten: 0 });
  });

  it("never deletes a document that a simultaneous update took out of the delete's filter", async () => {
    let both = 0;
    for (let i = 0; i < 100; i++) {
      const _id = `job-${i}`;
      await col().insertOne({ _id, status: "pending" });
      const [claimed, deleted] = await Promise.all([
        col().updateOne({ _id, status: "pending" }, { $set: { status: "running" } }),
        col().deleteOne({ _id, status: "pending" }),
      ]);
      const left = await col().findOne({ _id });
      if (claimed.modifiedCount === 1 && deleted.deletedCount === 1) both++;
      // Exactly one of the two acted, and the document shows which.
      expect(claimed.modifiedCount + deleted.deletedCount).to.equal(1);
      expect(left?.status ?? "deleted").to.equal(claimed.modifiedCount ? "running" : "deleted");
    }
    expect(both).to.equal(0);
  });
});
