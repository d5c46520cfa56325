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
  /**
   * Whether other service instances may write to the same database (MONGO_URL). In-memory state that
   * others' writes could outdate (the helpline's recent calls, the matching snapshot, the budget read
   * model) is then re-read often; an embedded database belongs to this process alone.
   */
  sharedDatabase: boolean;
  /** Liveness of dependencies for /readyz. */
  checks: { db: () => Promise<boolean>; search: () => Promise<boolean> };
}
