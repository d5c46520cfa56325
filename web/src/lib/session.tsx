// Who is signed in. The token from login stays in memory; after a reload the session cookie
// lets GET /auth/me restore the user without asking for the password again.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { session } from "../api/client";
import type { Me, Role } from "../api/types";
import { client } from "../api/typed-client";

interface Session {
  me: Me | null | undefined; // undefined while checking
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  has(...roles: Role[]): boolean;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    session.onUnauthorized(() => {
      session.setToken(undefined);
      setMe(null);
    });
    client
      .GET("/auth/me", { quiet401: true })
      .then(setMe)
      .catch(() => setMe(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await client.POST("/auth/login", { body: { username, password } });
    session.setToken(r.token);
    setMe(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await client.POST("/auth/logout");
    } finally {
      session.setToken(undefined);
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(() => ({ me, login, logout, has: (...roles) => !!me && roles.some((r) => me.roles.includes(r)) }), [me, login, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error("useSession outside SessionProvider");
  return v;
}

/** The page a user lands on after login, by their most specific role. */
export function homeFor(me: Me): string {
  if (me.roles.includes("coordinator")) return "/coord";
  if (me.roles.includes("helpline-planner")) return "/helpline";
  if (me.roles.includes("policy-admin")) return "/policy";
  if (me.roles.includes("member")) return "/offers";
  if (me.roles.includes("admin")) return "/admin/users";
  if (me.roles.includes("auditor")) return "/audit";
  return "/requests";
}
