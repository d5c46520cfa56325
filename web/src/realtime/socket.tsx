// One socket.io connection per signed-in user (handshake auth {token}; the cookie is the fallback).
// Pages subscribe with useEvent(name, handler); the socket reconnects by itself.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { session } from "../api/client";

import type { RealtimeEvent } from "../../../api/src/contract/values";

export type EventName = RealtimeEvent;

const Ctx = createContext<{ socket: Socket | null; connected: boolean }>({ socket: null, connected: false });

export function SocketProvider({ userId, children }: { userId: string | undefined; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!userId) return;
    const token = session.getToken();
    const s = io({ path: "/socket.io", auth: token ? { token } : {}, withCredentials: true, transports: ["websocket", "polling"] });
    s.on("connect", () => setConnected(true));
    s.on("disconnect", () => setConnected(false));
    setSocket(s);
    return () => {
      s.close();
      setSocket(null);
      setConnected(false);
    };
  }, [userId]);
  return <Ctx.Provider value={{ socket, connected }}>{children}</Ctx.Provider>;
}

export function useSocketStatus(): boolean {
  return useContext(Ctx).connected;
}

/** Subscribe to a server event; the latest handler is always used without resubscribing. */
export function useEvent<T = unknown>(event: EventName, handler: (payload: T) => void) {
  const { socket } = useContext(Ctx);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const fn = (p: T) => ref.current(p);
    socket.on(event, fn);
    return () => {
      socket.off(event, fn);
    };
  }, [socket, event]);
}

/** Re-run `reload` on any of the given events, and after a reconnect (events may have been missed). */
export function useLiveReload(events: EventName[], reload: () => void) {
  const { socket } = useContext(Ctx);
  const ref = useRef(reload);
  ref.current = reload;
  const key = events.join(",");
  useEffect(() => {
    if (!socket) return;
    const fn = () => ref.current();
    const names = key ? key.split(",") : [];
    for (const e of names) socket.on(e, fn);
    socket.io.on("reconnect", fn);
    return () => {
      for (const e of names) socket.off(e, fn);
      socket.io.off("reconnect", fn);
    };
  }, [socket, key]);
}
