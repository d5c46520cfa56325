// The test-time contract check: a real Koa app over loopback HTTP, routes under /api/v1 that answer
// right and wrong; a wrong answer becomes 500 `contract_violation` naming the operation.
import { expect } from "chai";
import Koa from "koa";
import Router from "@koa/router";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import pino from "pino";
import { contractCheck } from "../../api/src/http/contract-check";
import { errorHandler } from "../../api/src/http/errors";
import { notFound } from "../../api/src/http/problem";

describe("contract check (test runs validate every answer against the OpenAPI document)", () => {
  let server: Server;
  let base = "";
  before(async () => {
    const logger = pino({ level: "silent" });
    const app = new Koa();
    const r = new Router({ prefix: "/api/v1" });
    let providers: unknown = { local: true, oidc: false };
    r.get("/auth/providers", (ctx) => {
      ctx.body = providers;
    });
    r.post("/auth/providers-mode", (ctx) => {
      providers = JSON.parse(String(ctx.get("x-body")));
      ctx.status = 204;
    });
    r.get("/units", (ctx) => {
      ctx.status = 201; // documented: 200
      ctx.body = [];
    });
    r.get("/networks", () => {
      throw notFound("Network");
    });
    r.get("/budgets/export.csv", (ctx) => {
      ctx.body = { not: "csv" }; // documented: text/csv
    });
    app.use(errorHandler(logger)).use(contractCheck(logger)).use(r.routes());
    server = app.listen(0, "127.0.0.1");
    await new Promise((ok) => server.once("listening", ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  after(() => new Promise((ok) => server.close(ok)));

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Record<string, any> };
  };
  const setProviders = (body: unknown) => fetch(base + "/auth/providers-mode", { method: "POST", headers: { "x-body": JSON.stringify(body) } });

  it("lets a conforming answer through unchanged", async () => {
    await setProviders({ local: true, oidc: false });
    expect(await get("/auth/providers")).to.deep.include({ status: 200, body: { local: true, oidc: false } });
  });

  it("turns a body that breaks the schema into 500 contract_violation with the details", async () => {
    for (const wrong of [{ local: "yes", oidc: false }, { local: true }, { local: true, oidc: false, extra: 1 }]) {
      await setProviders(wrong);
      const res = await get("/auth/providers");
      expect(res.status, JSON.stringify(wrong)).to.equal(500);
      expect(res.type).to.match(/^application\/problem\+json/);
      expect(res.body).to.include({ code: "contract_violation" });
      expect(res.body.violation.operationId).to.equal("getProviders");
      expect(res.body.violation.errors).to.be.an("array").that.is.not.empty;
    }
  });

  it("flags an undocumented status and a wrong media type", async () => {
    expect((await get("/units")).body.violation).to.include({ operationId: "listUnits", reason: "status 201, documented 200" });
    expect((await get("/budgets/export.csv")).body.violation.reason).to.match(/documented text\/csv/);
  });

  it("leaves a route missing from the table to the route-table test (test/unit/openapi.test.ts)", async () => {
    const res = await fetch(base + "/auth/providers-mode", { method: "POST", headers: { "x-body": JSON.stringify({ local: true, oidc: false }) } });
    expect(res.status).to.equal(204);
  });

  it("leaves problems thrown by handlers alone", async () => {
    expect(await get("/networks")).to.deep.include({ status: 404 });
  });
});
