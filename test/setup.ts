// Root hooks: integration tests share one embedded database for the whole run (see helpers/stack.ts).
import { writeFileSync } from "node:fs";
import { stopSharedStack } from "./helpers/stack";
import { checkedOperations } from "../api/src/http/contract-check";
import { OPERATIONS } from "../api/src/contract/operations";

export const mochaHooks = {
  async afterAll() {
    await stopSharedStack();
    // How much of the API the run's answers covered (each checked against the OpenAPI document).
    const seen = checkedOperations();
    const file = process.env.CONTRACT_COVERAGE_FILE; // set by scripts/run-tests.mjs, which prints the union over its lanes
    if (file) writeFileSync(file, JSON.stringify({ seen: [...seen], operations: OPERATIONS.map((o) => o.id) }));
    else if (seen.size) {
      const missing = OPERATIONS.filter((o) => !seen.has(o.id)).map((o) => o.id);
      const rest = missing.length ? `; not exercised: ${missing.join(", ")}` : "";
      console.log(`contract check: answers of ${seen.size} of ${OPERATIONS.length} operations checked${rest}`);
    }
  },
};
