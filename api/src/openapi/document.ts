// The OpenAPI 3.1 description of the whole API, served at /api/v1/openapi.json.
// Each resource contributes its paths from openapi/paths/*.ts.
import { paths } from "./paths";
import { FIELD_ERROR_CODES, PROBLEM_CODES } from "../contract/error-codes";

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
            code: { type: "string", enum: [...PROBLEM_CODES], description: "Stable machine code of the problem" },
            errors: {
              type: "array",
              items: {
                type: "object",
                required: ["path", "code", "message"],
                properties: {
                  path: { type: "string", description: "Dot path relative to the body or query, e.g. availability.weekly.0.from" },
                  code: { type: "string", enum: [...FIELD_ERROR_CODES] },
                  params: { type: "object", additionalProperties: true },
                  in: { type: "string", enum: ["body", "query", "params"] },
                  message: { type: "string", description: "English, for API clients" },
                },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
