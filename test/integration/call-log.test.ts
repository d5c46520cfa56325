// The call log appends one page per flush; reading merges each call's lines in the order they were
// written, also across processes (a decision logged before a restart, its outcome after).
import { expect } from "chai";
import pino from "pino";
import { CallLog } from "../../api/src/helpline/call-log";
import { HelplineRuntime } from "../../api/src/helpline/runtime";
import { appendCalls, migrateCallDocuments, readCalls, type CallWrite } from "../../api/src/helpline/call-store";
import { HelplineCallPage } from "../../api/src/models/helpline-call";
import mongoose from "mongoose";
import { loggedCalls } from "../helpers/call-log";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";

describe("helpline call log writes", () => {
  let deps: Service["deps"];
  before(async () => {
    deps = (await sharedStack()).deps;
  });

  it("merges later writes into a call, also those of a later process, and stores only what was written", async () => {
    const id = `cl-${Date.now().toString(36)}`;
    const first = new CallLog(pino({ level: "silent" }));
    first.write(`${id}-a`, { action: "member", reason: "on duty" });
    first.write(`${id}-b`, { action: "rsc", reason: "nobody on duty" });
    await first.flush();
    first.write(`${id}-a`, { outcome: "answered", durationSec: 30 }); // a second line, in a second page
    await first.flush();

    // A restarted process knows nothing of what was written; its lines merge all the same.
    const restarted = new CallLog(pino({ level: "silent" }));
    restarted.write(`${id}-b`, { outcome: "missed" });
    restarted.write(`${id}-c`, { action: "rsc", reason: "malformed request" });
    await restarted.flush();
    expect(restarted.pending).to.equal(0);

    const calls = await loggedCalls();
    expect([`${id}-a`, `${id}-b`, `${id}-c`].map((k) => [k, calls.get(k)?.action, calls.get(k)?.outcome ?? null])).to.deep.equal([
      [`${id}-a`, "member", "answered"],
      [`${id}-b`, "rsc", "missed"],
      [`${id}-c`, "rsc", null],
    ]);
    expect(calls.get(`${id}-a`)?.durationSec).to.equal(30);
    // Only what was written: no nulls for fields left undefined, no timestamps.
    const page = await HelplineCallPage.findOne({ lines: { $elemMatch: { $regex: `"_id":"${id}-c"` } } }).lean();
    expect(page!.lines.map((l) => JSON.parse(l)).find((l) => l._id === `${id}-c`)).to.deep.equal({
      action: "rsc",
      reason: "malformed request",
      _id: `${id}-c`,
    });
  });

  it("writes a backlog larger than one batch, and a write made during the flush, keeping nothing back", async () => {
    const id = `bl-${Date.now().toString(36)}`;
    const log = new CallLog(pino({ level: "silent" }));
    for (let i = 0; i < 1234; i++) log.write(`${id}-${String(i).padStart(4, "0")}`, { action: "rsc", reason: `call ${i}` });
    const first = log.flush();
    log.write(`${id}-late`, { action: "member", reason: "written during the flush" });
    await first;
    await log.flush();
    expect(log.pending).to.equal(0);
    const docs = [...(await loggedCalls()).values()].filter((c) => c._id.startsWith(`${id}-`));
    expect(docs).to.have.length(1235);
    expect(new Set(docs.map((d) => d.reason)).size).to.equal(1235);
    // 500 calls a page: the backlog in three, the late write in the third or a fourth.
    const pages = await HelplineCallPage.countDocuments({ lines: { $elemMatch: { $regex: `"_id":"${id}-` } } });
    expect(pages).to.be.within(3, 4);
  });

  it("a full buffer (the database away) drops its oldest calls, keeps the newest and writes them once it can", async () => {
    const id = `full-${Date.now().toString(36)}`;
    const log = new CallLog(pino({ level: "silent" }), 1000);
    for (let i = 0; i < 2500; i++) log.write(`${id}-${i}`, { action: "rsc", reason: `call ${i}` });
    log.write(`${id}-2499`, { outcome: "answered" }); // merged into a call still buffered
    expect(log.pending).to.be.within(990, 1000);
    expect(log.dropped).to.equal(2500 - log.pending);
    await log.flush();
    const calls = [...(await loggedCalls()).values()].filter((c) => c._id.startsWith(`${id}-`));
    const kept = calls.map((c) => Number(c._id.slice(id.length + 1))).sort((a, b) => a - b);
    // The newest, in one unbroken run up to the last call written.
    expect(kept).to.deep.equal(Array.from({ length: kept.length }, (_, k) => 2500 - kept.length + k));
    expect(calls.find((c) => c._id === `${id}-2499`)).to.include({ action: "rsc", outcome: "answered" });
  });

  it("reads recent calls at start; again each period only from a shared database, where others write", async () => {
    const id = `rc-${Date.now().toString(36)}`;
    const now = deps.now();
    // As another instance (or this one before a restart) would have logged them.
    const logged = (callId: string) =>
      appendCalls([[callId, { decidedAt: now, action: "rsc", targetPhone: "+31880000107", targetUnitId: "rotterdam", reason: "no member on duty" }]]);
    await logged(`${id}-before`);

    const rt = new HelplineRuntime({ ...deps, sharedDatabase: false });
    await rt.start();
    try {
      expect(rt.recall(`${id}-before`, now)?.target).to.deep.equal({ phone: "+31880000107", unitId: "rotterdam" });

      // Embedded: nobody else writes there, so a period does not re-read the log.
      await logged(`${id}-other`);
      await rt.refresh();
      expect(rt.recall(`${id}-other`, now)).to.equal(undefined);

      // Shared: a call routed by another instance is known after the next period.
      const shared = new HelplineRuntime({ ...deps, sharedDatabase: true });
      await shared.refresh();
      await logged(`${id}-later`);
      await shared.refresh();
      expect(shared.recall(`${id}-later`, now)?.reason).to.equal("no member on duty");
    } finally {
      await rt.stop();
    }
  });

  it("reads a time range: its calls with outcomes logged later, the newest pages first when asked, and says when it stopped", async () => {
    const id = `rg-${Date.now().toString(36)}`;
    const t = (min: number) => new Date(Date.UTC(2031, 0, 1, 12, min));
    const decided = (n: number, min: number) => [`${id}-${n}`, { calledAt: t(min), decidedAt: t(min), action: "rsc" }] as CallWrite;
    await appendCalls([decided(1, 0), decided(2, 10)]);
    await appendCalls([decided(3, 20), [`${id}-1`, { outcome: "answered", outcomeAt: t(25) }]]);
    await appendCalls([decided(4, 40)]);

    const { calls, truncated } = await readCalls({ from: t(0), to: t(30), limit: 10 });
    const mine = calls.filter((c) => c._id.startsWith(id));
    expect(truncated).to.equal(false);
    expect(mine.map((c) => [c._id, c.outcome ?? null])).to.deep.equal([
      [`${id}-1`, "answered"],
      [`${id}-2`, null],
      [`${id}-3`, null],
    ]);
    expect(mine[0].calledAt).to.be.instanceOf(Date).and.deep.equal(t(0));

    const newest = await readCalls({ from: t(0), limit: 1, newest: true });
    expect(newest.truncated).to.equal(true);
    // Pages newest first until more than one call is found: the last two pages; of call 1 only its outcome.
    const got = new Map(newest.calls.map((c) => [c._id, c]));
    expect([...got.keys()].filter((k) => k.startsWith(id)).sort()).to.deep.equal([`${id}-1`, `${id}-3`, `${id}-4`]);
    expect(got.get(`${id}-1`)).to.not.have.property("action");
  });

  it("moves a call log of one document per call into pages once, and drops the old collection", async () => {
    const id = `mg-${Date.now().toString(36)}`;
    const db = mongoose.connection.db!;
    const at = new Date(Date.UTC(2030, 5, 1, 9));
    await db.collection("helplinecalls").insertMany([
      { _id: `${id}-1`, callId: `${id}-1`, decidedAt: at, action: "member", memberId: "m1", outcome: null, createdAt: at, updatedAt: at },
      { _id: `${id}-2`, seedKey: "old", decidedAt: at, action: "rsc", outcome: "missed", outcomeAt: at },
    ] as never[]);
    expect(await migrateCallDocuments()).to.equal(2);
    expect(await migrateCallDocuments(), "nothing left to move").to.equal(0);
    expect(await db.listCollections({ name: "helplinecalls" }).toArray()).to.have.length(0);
    const calls = await loggedCalls();
    expect(calls.get(`${id}-1`)).to.deep.equal({ _id: `${id}-1`, decidedAt: at, action: "member", memberId: "m1" });
    expect(calls.get(`${id}-2`)).to.deep.equal({ _id: `${id}-2`, decidedAt: at, action: "rsc", outcome: "missed", outcomeAt: at });
  });
});
