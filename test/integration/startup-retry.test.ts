// A database blip during start-up (seen under full CPU load: the driver's heartbeat timed out while the
// indexes were being created, and the service exited) no longer ends the service: what was started is
// stopped again and start-up begins afresh. A TCP proxy in front of a real FerretDB cuts every
// connection the first time the service asks to create indexes, so the blip lands at the same step on
// every run.
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StartupInterrupted, startService, startServiceWithRetries, type Service } from "../../api/src/bootstrap";
import { freePort, startFerret, type DatabaseHandle } from "../../api/src/db/embedded";
import { createLogger } from "../../api/src/logger";
import { startStack } from "../helpers/stack";

/** Forwards to `target`; cuts every open connection the first time a client sends `trigger`. */
async function cuttingProxy(targetPort: number, trigger: string): Promise<{ url: string; cuts: () => number; close(): Promise<void> }> {
  const open = new Set<Socket>();
  let cuts = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    open.add(client).add(upstream);
    const forget = () => (open.delete(client), open.delete(upstream));
    client.on("close", forget).on("error", () => upstream.destroy());
    upstream.on("close", forget).on("error", () => client.destroy());
    client.on("data", (chunk: Buffer) => {
      if (cuts === 0 && chunk.includes(trigger)) {
        cuts++;
        for (const s of open) s.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `mongodb://127.0.0.1:${port}/ndv_startup_retry`,
    cuts: () => cuts,
    close: () =>
      new Promise<void>((res) => {
        for (const s of open) s.destroy();
        server.close(() => res());
      }),
  };
}

describe("start-up interrupted by a database blip", function () {
  this.timeout(120_000);
  let dir: string;
  let ferret: DatabaseHandle;
  let ferretPort: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ndv-startup-"));
    ferretPort = await freePort();
    ferret = await startFerret(join(dir, "db"), createLogger("silent"), { tcp: `127.0.0.1:${ferretPort}` });
  });
  after(async () => {
    await ferret?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("startService stops what it started and says StartupInterrupted; startServiceWithRetries starts afresh and serves", async () => {
    const proxy = await cuttingProxy(ferretPort, "createIndexes");
    const retried: Error[] = [];
    let service: Service | undefined;
    try {
      service = await startStack({ MONGO_URL: proxy.url, DEMO_MEMBERS: "0" }, {}, (opts) => startServiceWithRetries(opts, 3, (err) => retried.push(err)));
      expect(proxy.cuts()).to.equal(1);
      expect(retried).to.have.length(1);
      expect(retried[0]).to.be.instanceOf(StartupInterrupted);
      expect(retried[0]!.message).to.match(/start-up interrupted by the database/);

      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).to.equal(200);
      const login = await fetch(`${service.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "planner", password: "demo" }),
      });
      expect(login.status).to.equal(200);
    } finally {
      await service?.stop();
      await proxy.close();
    }
  });

  it("without retries the interruption is the error, and a database that is not there at all is not retried", async () => {
    const proxy = await cuttingProxy(ferretPort, "createIndexes");
    try {
      const err = await startStack({ MONGO_URL: proxy.url, DEMO_MEMBERS: "0" }, {}, startService).catch((e: Error) => e);
      expect(err).to.be.instanceOf(StartupInterrupted);
    } finally {
      await proxy.close();
    }
    let retries = 0;
    const unreachable = "mongodb://127.0.0.1:1/ndv_none";
    const err = await startStack({ MONGO_URL: unreachable, MONGO_TIMEOUT_MS: "300" }, {}, (opts) => startServiceWithRetries(opts, 3, () => retries++)).catch(
      (e: Error) => e,
    );
    expect(err).to.be.instanceOf(Error).and.not.instanceOf(StartupInterrupted);
    expect((err as Error).message).to.match(/Cannot reach MongoDB/);
    expect(retries).to.equal(0);
  });
});
