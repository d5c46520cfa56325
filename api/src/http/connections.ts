// Closing an HTTP server quickly: server.close() waits for every open connection, and Node's
// closeIdleConnections() skips connections that were opened but never sent a request (browsers
// pre-connect; a port scanner does too). This tracks every connection and which have a request in flight.
import type { Server } from "node:http";
import type { Socket } from "node:net";

export function trackConnections(http: Server) {
  const open = new Set<Socket>();
  const inFlight = new Map<Socket, number>();
  let closing = false;

  http.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => {
      open.delete(socket);
      inFlight.delete(socket);
    });
  });
  http.on("request", (req, res) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    if (closing) res.setHeader("connection", "close");
    res.once("close", () => {
      const n = (inFlight.get(socket) ?? 1) - 1;
      if (n > 0) inFlight.set(socket, n);
      else {
        inFlight.delete(socket);
        if (closing) socket.end();
      }
    });
  });

  return {
    /** From now on: end every connection without a request in flight, and every other one once it is answered. */
    closeIdle() {
      closing = true;
      for (const socket of open) if (!inFlight.has(socket)) socket.destroy();
    },
    /** Cut every connection, answered or not. */
    closeAll() {
      for (const socket of open) socket.destroy();
    },
    get size() {
      return open.size;
    },
  };
}
