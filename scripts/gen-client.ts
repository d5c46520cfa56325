// `npm run gen:client`: writes web/src/api/schema.d.ts from the OpenAPI document; `-- --check` only
// compares and exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { SCHEMA_FILE, typesFor } from "./openapi-types";

const text = await typesFor();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(SCHEMA_FILE, "utf8");
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    console.error(`${SCHEMA_FILE} is stale: run npm run gen:client`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE} (${text.length} characters)`);
}
