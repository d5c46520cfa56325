// The OpenAPI 3.1 description of the whole API, served at /api/v1/openapi.json; generated once per
// process from the operation table (see generate.ts).
import { generateOpenapi } from "./generate";

let cached: Record<string, unknown> | undefined;

export function openapiDocument(): Record<string, unknown> & { openapi: string; paths: Record<string, Record<string, unknown>> } {
  cached ??= generateOpenapi();
  return cached as ReturnType<typeof openapiDocument>;
}
