// A small HTTP client for integration tests, talking to the real server over loopback.
import type { Service } from "../../api/src/bootstrap";

export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class Client {
  constructor(
    public baseUrl: string,
    public token?: string,
    public extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
        ...(typeof body === "string" ? { "content-type": "application/json" } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }
}

export function anonymous(service: Service): Client {
  return new Client(service.url);
}

export async function login(service: Service, username: string, password = "demo"): Promise<Client> {
  const res = await anonymous(service).post("/api/v1/auth/login", { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  return new Client(service.url, res.body.token);
}

let counter = 0;
/** Creates a fresh user through the admin API and logs in as them. */
export async function newUser(
  service: Service,
  spec: { roles: string[]; unitId?: string; networks?: string[]; scope?: { units: string[]; networks: string[] }; name?: string },
) {
  const admin = await login(service, "admin");
  const username = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const res = await admin.post("/api/v1/admin/users", {
    username,
    password: "test-password-1",
    name: spec.name ?? `Test ${username}`,
    roles: spec.roles,
    unitId: spec.unitId ?? "amsterdam",
    ...(spec.networks ? { networks: spec.networks } : {}),
    ...(spec.scope ? { scope: spec.scope } : {}),
  });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${res.text}`);
  const client = await login(service, username, "test-password-1");
  return { client, id: res.body.id as string, memberId: res.body.memberId as string | undefined, username };
}
