// socket.io server: authenticates the handshake token and puts each socket in the rooms of the
// events its user may read. Emitting goes through the Notifier interface.
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Config } from "../config";
import { isOwnOrigin, requestFacts } from "../http/origin";
import { Server } from "socket.io";
import type { Logger } from "../logger";
import { principalForToken } from "../auth/sessions";
import { SESSION_COOKIE } from "../http/auth";
import { roomsFor, rooms, type Notifier } from "./notifier";

export function attachRealtime(
  http: HttpServer,
  logger: Logger,
  opts: { /** Events fan out to other instances (Redis adapter). */ redisUrl?: string; config?: Pick<Config, "PUBLIC_URL" | "TRUST_PROXY"> } = {},
) {
  const io = new Server(http, { serveClient: false, cors: { origin: false } });

  io.use(async (socket, next) => {
    try {
      const handshakeToken = (socket.handshake.auth as { token?: string })?.token;
      const cookie = handshakeToken ? undefined : cookieToken(socket.handshake.headers.cookie);
      // The cookie travels with any page's request: with the cookie alone, a foreign Origin is refused.
      if (cookie && !handshakeOriginOk(socket.request, opts.config)) {
        logger.warn(
          { origin: String(socket.handshake.headers.origin ?? "").slice(0, 100) },
          "socket handshake with the session cookie from a foreign origin refused",
        );
        return next(new Error("forbidden origin"));
      }
      const token = handshakeToken ?? cookie;
      const p = token ? await principalForToken(token) : null;
      if (!p) return next(new Error("unauthorized"));
      socket.data.user = p;
      next();
    } catch (err) {
      logger.warn({ err }, "socket handshake failed");
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    const p = socket.data.user;
    const join = [rooms.user(p.id), ...p.roles.map(rooms.role)];
    if (p.memberId) join.push(rooms.member(p.memberId));
    if (p.roles.includes("coordinator")) {
      join.push(...p.scope.units.map(rooms.coordUnit), ...p.scope.networks.map(rooms.coordNetwork));
    }
    socket.join(join);
  });

  const notifier: Notifier = {
    emit(audience, event, payload) {
      const targets = roomsFor(audience);
      // Nobody connected here to hear it (and no other instance behind Redis): skip encoding the packet,
      // which the helpline webhook would otherwise pay on every call.
      if (!opts.redisUrl && !targets.some((r) => io.sockets.adapter.rooms.has(r))) return;
      // A socket in several target rooms still receives the event once.
      if (targets.length) io.to(targets).emit(event, payload);
    },
  };

  return { io, notifier };
}

/** A browser always sends Origin on WebSocket and cross-origin requests; absent means same-origin polling. */
function handshakeOriginOk(req: IncomingMessage, config: Pick<Config, "PUBLIC_URL" | "TRUST_PROXY"> = {}): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const facts = requestFacts(req.headers, !!(req.socket as { encrypted?: boolean }).encrypted, !!config.TRUST_PROXY);
  return isOwnOrigin(origin, config, facts);
}

function cookieToken(header?: string): string | undefined {
  const m = header?.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
  return m ? decodeURIComponent(m[1]) : undefined;
}
