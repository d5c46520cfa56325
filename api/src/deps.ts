// Everything the app needs from the outside world, passed in so tests and server wire it the same way.
import type { Config } from "./config";
import type { Logger } from "./logger";
import type { SearchPort } from "../../search/port";
import type { Notifier } from "./realtime/notifier";
import type { EventBus } from "./events/bus";

export interface Deps {
  config: Config;
  logger: Logger;
  search: SearchPort;
  notifier: Notifier;
  /** Domain events: use cases publish, audit/caches/notifications subscribe (events/subscribers). */
  events: EventBus;
  /** The current time; tests may move it. */
  now: () => Date;
  /** Liveness of dependencies for /readyz. */
  checks: { db: () => Promise<boolean>; search: () => Promise<boolean> };
}
