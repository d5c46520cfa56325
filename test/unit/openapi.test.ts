// The OpenAPI document is generated from the operation table, which must match the mounted routes one to
// one; the document must be valid OpenAPI 3.1, every operation must carry its parameter and answer
// schemas, and the committed web types must be generated from the current document.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { apiRouter } from "../../api/src/routes";
import { openapiDocument } from "../../api/src/openapi/document";
import { OPERATIONS, openapiPath } from "../../api/src/contract/operations";
import type { Deps } from "../../api/src/deps";
import { SCHEMA_FILE, typesFor } from "../../scripts/openapi-types";

type Op = {
  operationId: string;
  parameters?: { name: string; in: string; schema?: object }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
};

describe("OpenAPI document", () => {
  const doc = openapiDocument();
  const paths = doc.paths as Record<string, Record<string, Op>>;

  it("has one operation per mounted route, and a mounted route per operation", () => {
    const router = apiRouter({ config: { NODE_ENV: "production" } } as unknown as Deps);
    const mounted = new Set<string>();
    for (const layer of router.stack)
      for (const m of layer.methods.filter((m) => m !== "HEAD")) mounted.add(`${m.toLowerCase()} ${openapiPath(String(layer.path))}`);
    const table = new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`));
    expect(
      [...mounted].filter((k) => !table.has(k)),
      "routes without an operation in api/src/contract/operations.ts",
    ).to.deep.equal([]);
    expect(
      [...table].filter((k) => !mounted.has(k)),
      "operations without a route",
    ).to.deep.equal([]);
    expect(new Set(OPERATIONS.map((o) => o.id)).size, "operationIds are unique").to.equal(OPERATIONS.length);
  });

  it("validates as OpenAPI 3.1", async () => {
    expect(doc.openapi).to.equal("3.1.0");
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
  });

  it("gives every operation its path parameters, query parameters and answer schemas", () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        const declared = new Set((op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name));
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) if (!declared.has(name!)) problems.push(`${where}: path parameter ${name} undocumented`);
        for (const p of op.parameters ?? []) if (!p.schema) problems.push(`${where}: parameter ${p.name} without schema`);
        const ok = Object.entries(op.responses).filter(([s]) => /^2|^3/.test(s));
        if (ok.length !== 1) problems.push(`${where}: ${ok.length} success answers`);
        for (const [status, r] of ok) {
          if (status === "204" || status === "302") continue;
          const media = Object.values(r.content ?? {});
          if (!media.length || media.some((m) => !m.schema)) problems.push(`${where}: answer ${status} without schema`);
        }
        if (!op.responses.default?.$ref) problems.push(`${where}: no problem+json default answer`);
      }
    expect(problems).to.deep.equal([]);
  });

  it("documents the query parameters the routes read", () => {
    const params = (p: string, m: string) => (paths[p]![m]!.parameters ?? []).map((x) => `${x.in}:${x.name}`);
    expect(params("/requests", "get")).to.include.members(["query:mine", "query:status", "query:limit", "query:cursor"]);
    expect(params("/budgets/export.csv", "get")).to.include.members(["query:year", "query:unit", "query:delimiter", "query:format"]);
    expect(params("/pools/{id}/members/{memberId}", "post")).to.include.members(["path:id", "path:memberId"]);
    expect(Object.keys(paths["/budgets/export.csv"]!.get!.responses["200"]!.content!)).to.deep.equal(["text/csv"]);
    expect(Object.keys(paths["/calendar/me.ics"]!.get!.responses["200"]!.content!)).to.deep.equal(["text/calendar"]);
  });

  it("carries examples, and each example fits its schema", () => {
    const withExamples = OPERATIONS.filter((o) => o.bodyExample !== undefined || o.ok.example !== undefined);
    expect(withExamples.length).to.be.greaterThan(5);
    for (const o of withExamples) {
      if (o.bodyExample !== undefined) expect(o.body!.safeParse(o.bodyExample).error?.issues, `${o.id} body example`).to.equal(undefined);
      if (o.ok.example !== undefined) expect(o.ok.schema!.safeParse(o.ok.example).error?.issues, `${o.id} answer example`).to.equal(undefined);
    }
  });

  it("names the security schemes: bearer, session cookie, X-Api-Key", () => {
    const schemes = (doc.components as { securitySchemes: Record<string, { type: string; in?: string; name?: string }> }).securitySchemes;
    expect(schemes.bearer).to.include({ type: "http" });
    expect(schemes.cookie).to.include({ type: "apiKey", in: "cookie", name: "ndv_session" });
    expect(schemes.apiKey).to.include({ type: "apiKey", in: "header", name: "X-Api-Key" });
    expect((paths["/helpline/route"]!.post as unknown as { security: object[] }).security).to.deep.equal([{ apiKey: [] }]);
  });

  it(`${SCHEMA_FILE} is generated from the current document (npm run gen:client)`, async function () {
    this.timeout(60_000);
    expect(readFileSync(SCHEMA_FILE, "utf8") === (await typesFor()), `${SCHEMA_FILE} is stale: run npm run gen:client`).to.equal(true);
  });
});
