// The OpenAPI 3.1 description of the whole API, served at /api/v1/openapi.json.
// Each resource contributes its paths from openapi/paths/*.ts.
import { paths } from "./paths";

export function openapiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "NDV expertise network API",
      version: "1.0.0",
      description: "Connects operational requests to NDV and Roze in Blauw members, tracks service time under the korpsregeling, and routes the Roze in Blauw helpline.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "ndv_session" },
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
          },
        },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
