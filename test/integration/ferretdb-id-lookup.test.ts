// Issue 11: the embedded FerretDB finds documents by `_id` through SQLite's `_id` index
// (tools/ferretdb/overlay/collection.go). Upstream compared another spelling of the `_id`
// expression than the index's, so every lookup, update and delete by `_id` scanned its table, and
// a filter with `_id` plus other keys (a conditional update) was not pushed down at all.
// The plan is read from `explain`; results are checked against what MongoDB semantics require.
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose from "mongoose";
import { FERRETDB_BIN, startFerret, type DatabaseHandle } from "../../api/src/db/embedded";
import { existsSync } from "node:fs";

const { MongoClient, ObjectId } = mongoose.mongo;
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Parameters<typeof startFerret>[1];

describe("embedded FerretDB: lookups by _id use the index (issue 11)", function () {
  this.timeout(60_000);
  let dir: string;
  let db: DatabaseHandle;
  let client: InstanceType<typeof MongoClient>;
  let col: ReturnType<ReturnType<InstanceType<typeof MongoClient>["db"]>["collection"]>;
  const ids = Array.from({ length: 300 }, () => new ObjectId());

  before(async function () {
    if (!existsSync(FERRETDB_BIN)) this.skip();
    dir = mkdtempSync(join(tmpdir(), "ndv-id-lookup-"));
    db = await startFerret(dir, quiet);
    client = new MongoClient(db.url);
    await client.connect();
    col = client.db("ndv").collection("entries");
    await col.insertMany(ids.map((_id, n) => ({ _id, n, version: 1, status: "pending" })));
    await col.insertMany([{ _id: "member-1" as never, n: -1, version: 1, status: "pending" }]);
  });

  after(async () => {
    await client?.close();
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const plan = async (filter: object) => {
    const res = await client.db("ndv").command({ explain: { find: "entries", filter } });
    return { pushdown: res.filterPushdown as boolean, plan: (res.queryPlanner.Plan as string[]).join(" | ") };
  };

  it("searches the _id index for an ObjectId, a string, an _id with other keys and an _id $in list", async () => {
    for (const filter of [{ _id: ids[7] }, { _id: "member-1" }, { _id: ids[7], version: 1, status: "pending" }, { _id: { $in: [ids[1], ids[2]] } }]) {
      const p = await plan(filter);
      expect(p.pushdown, JSON.stringify(filter)).to.equal(true);
      expect(p.plan, JSON.stringify(filter)).to.match(/SEARCH .* USING INDEX/);
    }
  });

  it("still scans what it cannot narrow by _id (no _id, an _id operator other than $in, a mixed $in)", async () => {
    for (const filter of [{ n: 3 }, { _id: { $gt: ids[0] } }, { _id: { $in: [ids[0], 5] } }]) {
      const p = await plan(filter);
      expect(p.pushdown, JSON.stringify(filter)).to.equal(false);
      expect(p.plan).to.match(/SCAN/);
    }
  });

  it("applies the other keys of the filter to the document found by _id", async () => {
    const id = ids[250]!;
    expect((await col.updateOne({ _id: id, version: 2 }, { $set: { status: "approved" } })).matchedCount).to.equal(0);
    expect((await col.updateOne({ _id: id, version: 1, status: "pending" }, { $set: { status: "approved" }, $inc: { version: 1 } })).modifiedCount).to.equal(1);
    // A second conditional decision on the version it read matches nothing: decided once.
    expect((await col.updateOne({ _id: id, version: 1, status: "pending" }, { $set: { status: "rejected" } })).matchedCount).to.equal(0);
    expect(await col.findOne({ _id: id })).to.include({ status: "approved", version: 2 });
    expect(await col.findOne({ _id: id, status: "pending" })).to.equal(null);
    expect(await col.countDocuments({ _id: id, status: "approved" })).to.equal(1);
    expect((await col.deleteOne({ _id: ids[251], version: 9 })).deletedCount).to.equal(0);
    expect((await col.deleteOne({ _id: ids[251], version: 1 })).deletedCount).to.equal(1);
    expect(await col.findOne({ _id: ids[251] })).to.equal(null);
  });

  it("returns every document of an _id $in list that matches the rest of the filter, and only those", async () => {
    const found = await col.find({ _id: { $in: [ids[10], ids[11], ids[12], new ObjectId(), "member-1"] as never }, n: { $ne: 11 } }).toArray();
    expect(found.map((d) => d.n).sort((a, b) => a - b)).to.deep.equal([-1, 10, 12]);
    const upd = await col.updateMany({ _id: { $in: [ids[20], ids[21]] } }, { $set: { status: "approved" } });
    expect(upd.modifiedCount).to.equal(2);
    expect(await col.countDocuments({ status: "approved" })).to.equal(3);
  });

  it("still enforces the unique _id", async () => {
    let code: unknown;
    await col.insertOne({ _id: ids[30], n: 0 }).catch((e: { code?: number }) => (code = e.code));
    expect(code).to.equal(11000);
  });
});
