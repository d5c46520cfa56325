// Sign-in through a real OpenID Connect provider (oidc-provider, in process) with the code flow + PKCE.
import { expect } from "chai";
import type { Server } from "node:http";
import Provider from "oidc-provider";
import type { Service } from "../../api/src/bootstrap";
import { freePort } from "../../api/src/db/embedded";
import { startStack } from "../helpers/stack";
import { Client } from "../helpers/http";

/** A tiny browser: follows redirects by hand and keeps cookies per host. */
class Browser {
  jar = new Map<string, Map<string, string>>();
  async go(url: string, init: RequestInit = {}, hops = 15): Promise<{ url: string; res: Response; text: string }> {
    for (let i = 0; i < hops; i++) {
      const u = new URL(url);
      const cookies = [...(this.jar.get(u.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join("; ");
      const res = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), ...(cookies ? { cookie: cookies } : {}) } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const [k, ...v] = pair.split("=");
        if (!this.jar.has(u.host)) this.jar.set(u.host, new Map());
        this.jar.get(u.host)!.set(k.trim(), v.join("="));
      }
      const loc = res.headers.get("location");
      if (!loc || res.status < 300 || res.status >= 400) return { url, res, text: await res.text() };
      url = new URL(loc, url).href;
      init = {};
    }
    throw new Error("too many redirects");
  }
}

describe("OIDC sign-in against a real provider", function () {
  this.timeout(60000);
  let s: Service;
  let idp: Server;

  before(async () => {
    const [idpPort, appPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${idpPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "ndv",
          client_secret: "ndv-secret",
          redirect_uris: [`http://127.0.0.1:${appPort}/api/v1/auth/oidc/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: { openid: ["sub"], email: ["email"], profile: ["name", "preferred_username"] },
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, email: `${id}@politie.example`, name: `Agent ${id}`, preferred_username: id }),
      }),
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
    } as never);
    idp = provider.listen(idpPort);
    s = await startStack({ PORT: String(appPort), OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "ndv", OIDC_CLIENT_SECRET: "ndv-secret", DEMO_MEMBERS: "0" });
  });

  after(async () => {
    await s?.stop();
    idp?.close();
  });

  it("announces the provider to the web app", async () => {
    const res = await new Client(s.url).get("/api/v1/auth/providers");
    expect(res.body).to.deep.equal({ local: true, oidc: true });
  });

  it("signs a new employee in as requester and sets the session cookie", async () => {
    const b = new Browser();
    const login = await b.go(`${s.url}/api/v1/auth/oidc`);
    expect(login.url).to.match(/\/interaction\//);
    const consent = await b.go(login.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "prompt=login&login=jdevries&password=x",
    });
    expect(consent.url).to.match(/\/interaction\//);
    const done = await b.go(consent.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "prompt=consent" });
    expect(new URL(done.url).pathname).to.equal("/");
    const session = b.jar.get(new URL(s.url).host)!.get("ndv_session");
    expect(session, "session cookie").to.be.a("string");
    const me = await new Client(s.url).request("GET", "/api/v1/auth/me", undefined, { cookie: `ndv_session=${session}` });
    expect(me.status).to.equal(200);
    expect(me.body.name).to.equal("Agent jdevries");
    expect(me.body.roles).to.deep.equal(["requester"]);
  });

  it("rejects a callback with an unknown state", async () => {
    const res = await new Client(s.url).get("/api/v1/auth/oidc/callback?code=x&state=forged");
    expect(res.status).to.equal(401);
    expect(res.body.detail).to.match(/unknown or expired/);
  });
});
