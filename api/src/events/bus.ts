// A typed in-process event bus. Delivery is synchronous: publish() calls every subscriber of the event
// in the order they subscribed, before it returns. Why: today's subscribers are in-memory and cheap
// (queue an audit row on the buffered writer, drop a cache entry, emit on a socket), and running them
// before the HTTP answer keeps what clients saw before the bus: once a write is answered, its audit row
// is queued and its socket events are on their way. A subscriber with slow I/O (push, e-mail, a remote
// fan-out) returns a promise: the bus does not wait for it, tracks it, and `idle()` resolves when all
// such work has settled (tests and shutdown await it, so nothing races).
// The event is published after the state change: a subscriber that throws or rejects is logged and can
// neither undo nor fail the write, nor keep the other subscribers from running.
import type { Logger } from "../logger";
import type { DomainEvent, EventOf, EventType } from "./types";

export type Handler<E> = (event: E) => void | Promise<unknown>;

export interface EventBus {
  publish(event: DomainEvent): void;
  /** Subscribes to one event type, a list of them, or "*" for all. Returns the unsubscribe function. */
  subscribe<T extends EventType>(types: T | readonly T[] | "*", name: string, handler: Handler<EventOf<T>>): () => void;
  /** Resolves once every asynchronous subscriber started so far (and any work they published) has settled. */
  idle(): Promise<void>;
}

interface Subscription {
  types: ReadonlySet<string> | "*";
  name: string;
  handler: Handler<DomainEvent>;
}

export function createEventBus(logger: Pick<Logger, "error">): EventBus {
  const subs: Subscription[] = [];
  const pending = new Set<Promise<unknown>>();
  const failed = (name: string, event: DomainEvent, err: unknown) =>
    logger.error({ err: err instanceof Error ? (err.stack ?? err.message) : String(err), subscriber: name, event: event.type }, "event subscriber failed");

  return {
    publish(event) {
      for (const s of [...subs]) {
        if (s.types !== "*" && !s.types.has(event.type)) continue;
        try {
          const out = s.handler(event);
          if (out && typeof (out as Promise<unknown>).then === "function") {
            const p = Promise.resolve(out).then(
              () => undefined,
              (err) => failed(s.name, event, err),
            );
            pending.add(p);
            void p.finally(() => pending.delete(p));
          }
        } catch (err) {
          failed(s.name, event, err);
        }
      }
    },
    subscribe(types, name, handler) {
      const only = types === "*" ? "*" : new Set<string>(typeof types === "string" ? [types] : types);
      const s: Subscription = { types: only, name, handler: handler as Handler<DomainEvent> };
      subs.push(s);
      return () => {
        const i = subs.indexOf(s);
        if (i >= 0) subs.splice(i, 1);
      };
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
