// Root hooks: integration tests share one embedded database for the whole run (see helpers/stack.ts).
import { stopSharedStack } from "./helpers/stack";

export const mochaHooks = {
  async afterAll() {
    await stopSharedStack();
  },
};
