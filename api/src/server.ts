// `npm start`: runs the whole service and shuts down gracefully on SIGTERM/SIGINT.
import { startService } from "./bootstrap";
import { ConfigError } from "./config";
import { demoLoginsText } from "../../seed/demo-accounts";

async function main() {
  const startedAt = Date.now();
  const service = await startService();
  const { config, deps } = service;
  if (config.demo) console.log(demoLoginsText(config, service.url.replace("127.0.0.1", "localhost").replace(/:\d+$/, `:${config.PORT}`)));
  deps.logger.info({ ms: Date.now() - startedAt }, "ready");

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
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
