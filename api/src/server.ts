// `npm start`: runs the whole service and shuts down gracefully on SIGTERM/SIGINT.
import { constants as osConstants } from "node:os";
import { startServiceWithRetries } from "./bootstrap";
import { ConfigError } from "./config";
import { demoLoginsText } from "../../seed/demo-accounts";

async function main() {
  const startedAt = Date.now();
  const service = await startServiceWithRetries({}, 3, (err) => console.warn(`${err.message}; starting again`));
  const { config, deps } = service;
  if (config.demo) console.log(demoLoginsText(config, service.url.replace("127.0.0.1", "localhost").replace(/:\d+$/, `:${config.PORT}`)));
  deps.logger.info({ ms: Date.now() - startedAt }, "ready");

  let signalledAt = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    // Wrappers (npm, tsx) relay the signal a process group already received: a repeat within a second
    // is that same request, not an operator's second one.
    if (signalledAt && Date.now() - signalledAt < 1000) return;
    if (signalledAt) {
      // A second signal: the operator wants out now (the embedded database child is killed on exit).
      deps.logger.warn({ signal }, "second signal: exiting at once");
      process.exit(128 + (osConstants.signals[signal] ?? 15));
    }
    signalledAt = Date.now();
    deps.logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      deps.logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (err) => {
        deps.logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  const msg = err instanceof ConfigError ? err.message : `Start-up failed: ${(err as Error).message}`;
  console.error(msg);
  process.exit(1);
});
