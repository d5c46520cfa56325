// Issue 9, finding 7: after a SIGKILL and a restart, the new process takes over the jobs its dead
// predecessor had locked at once, instead of waiting ~60 s for the lock to expire. Simulated with stale
// locks of dead and live owners and an injected clock: no waiting for real timeouts.
import { expect } from "chai";
import { spawn, spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { Job } from "../../api/src/models/job";
import { JobRunner, processAlive } from "../../api/src/jobs/runner";
import { createLogger } from "../../api/src/logger";
import { sharedStack } from "../helpers/stack";

describe("durable jobs: taking over after a crash (issue 9.7)", function () {
  this.timeout(60_000);
  const now = new Date("2026-03-10T10:00:00Z");
  const lockedUntil = new Date(now.getTime() + 55_000); // a lock that would hold for almost a minute
  const host = hostname();
  // The runners under test act as a new process with this pid. (Not process.pid: the shared stack's own
  // runner lives in this test process, and its locks are not a dead predecessor's.)
  const myPid = 4_194_305; // above Linux's pid_max, so no real process has it
  let deadPid: number;
  let live: ReturnType<typeof spawn>;
  let type: string;

  before(async () => {
    await sharedStack();
    // A pid that certainly belonged to a process that is gone now.
    deadPid = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    expect(processAlive(deadPid)).to.equal(false);
    live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    await new Promise((r) => live.once("spawn", r));
    expect(processAlive(live.pid!)).to.equal(true);
  });
  after(async () => {
    live?.kill("SIGKILL");
    await Job.deleteMany({ type: /^test:takeover:/ });
  });
  beforeEach(() => {
    type = `test:takeover:${Math.random().toString(36).slice(2)}`;
  });

  const running = (name: string, lockedBy?: { host: string; pid: number; instance: string }) =>
    Job.create({
      type,
      runAt: new Date(now.getTime() - 5_000),
      payload: { name },
      status: "running",
      attempts: 1,
      lockedUntil,
      ...(lockedBy ? { lockedBy } : {}),
    });

  function runnerRecording(ran: string[]) {
    const runner = new JobRunner({ now: () => now, logger: createLogger("silent"), owner: { host, pid: myPid, instance: "the-new-one" } });
    runner.register(type, async (payload) => void ran.push(String(payload.name)));
    return runner;
  }

  it("reclaims locks of dead processes on this host (and of its own reused pid), not of live ones or other hosts", async () => {
    await running("dead-owner", { host, pid: deadPid, instance: "crashed" });
    await running("reused-pid", { host, pid: myPid, instance: "before-restart" });
    await running("live-owner", { host, pid: live.pid!, instance: "still-working" });
    await running("other-host", { host: `${host}-elsewhere`, pid: deadPid, instance: "remote" });
    await running("legacy-lock"); // no owner recorded: waits for its lock to expire, as before

    const ran: string[] = [];
    const runner = runnerRecording(ran);
    expect(await runner.drain(), "before the sweep every lock still holds").to.equal(0);
    const reclaimed = await runner.reclaimOrphans();
    expect(reclaimed).to.equal(2);
    expect(await runner.drain()).to.equal(2);
    expect(ran.sort()).to.deep.equal(["dead-owner", "reused-pid"]);

    const left = await Job.find({ type }).lean();
    const byName = Object.fromEntries(left.map((j) => [j.payload.name, j]));
    expect(byName["dead-owner"]).to.include({ status: "done" });
    expect(byName["reused-pid"]).to.include({ status: "done" });
    for (const n of ["live-owner", "other-host", "legacy-lock"]) expect(byName[n], n).to.include({ status: "running" });
    expect(byName["dead-owner"].lockedBy, "lock released").to.equal(undefined);
  });

  it("a freshly started runner runs its dead predecessor's job at once", async () => {
    await running("after-sigkill", { host, pid: deadPid, instance: "crashed" });
    const ran: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const runner = new JobRunner({ now: () => now, logger: createLogger("silent"), pollMs: 60_000, owner: { host, pid: myPid, instance: "restarted" } });
    runner.register(type, async (payload) => {
      ran.push(String(payload.name));
      done();
    });
    const t0 = Date.now();
    runner.start();
    try {
      // pollMs is a minute and the clock never moves: only the start-up sweep can make it run.
      await Promise.race([finished, new Promise((_, rej) => setTimeout(() => rej(new Error("not taken over within 10 s")), 10_000))]);
    } finally {
      await runner.stop();
    }
    expect(ran).to.deep.equal(["after-sigkill"]);
    expect(Date.now() - t0).to.be.below(10_000);
    const job = await Job.findOne({ type }).lean();
    expect(job).to.include({ status: "done", attempts: 2 });
  });

  it("locks it takes name this host, this process and its instance", async () => {
    await Job.create({ type, runAt: new Date(now.getTime() - 1000), payload: { name: "fresh" } });
    let seen: unknown;
    const runner = new JobRunner({ now: () => now, logger: createLogger("silent"), owner: { host, pid: process.pid, instance: "me" } });
    runner.register(type, async () => {
      seen = (await Job.findOne({ type }).lean())?.lockedBy;
    });
    expect(await runner.drain()).to.equal(1);
    expect(seen).to.deep.equal({ host, pid: process.pid, instance: "me" });
    // And a default runner names the real process.
    const fresh = new JobRunner({ now: () => now, logger: createLogger("silent") });
    expect(fresh.owner).to.deep.include({ host, pid: process.pid });
    expect(fresh.owner.instance).to.match(/^[0-9a-f-]{36}$/);
  });
});
