// The OpenAPI document must describe every route the API actually mounts, and be valid 3.1 in shape.
import { expect } from "chai";
import { apiRouter } from "../../api/src/routes";
import { openapiDocument } from "../../api/src/openapi/document";
import type { Deps } from "../../api/src/deps";

describe("OpenAPI document", () => {
  const doc = openapiDocument();

  it("lists every mounted route with its method", () => {
    const router = apiRouter({ config: { NODE_ENV: "production" } } as unknown as Deps);
    const missing: string[] = [];
    for (const layer of router.stack) {
      const path = String(layer.path).replace(/^\/api\/v1/, "").replace(/:(\w+)/g, "{$1}").replace(/\/$/, "") || "/";
      for (const m of layer.methods.filter((m) => m !== "HEAD"))
        if (!(doc.paths[path] as Record<string, unknown> | undefined)?.[m.toLowerCase()]) missing.push(`${m} ${path}`);
    }
    expect(missing).to.deep.equal([]);
  });

  it("is OpenAPI 3.1 with operations that have summaries and responses", () => {
    expect(doc.openapi).to.equal("3.1.0");
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops as Record<string, { summary?: string; responses?: object }>)) {
        expect(op.summary, `${method} ${path}`).to.be.a("string");
        expect(op.responses, `${method} ${path}`).to.be.an("object");
      }
  });
});
