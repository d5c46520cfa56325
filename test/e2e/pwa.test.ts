// Issue 13 item 5 in Debian's Chromium: the installable app. The manifest is valid and its icons
// exist; the service worker registers, controls the page, is never cached by HTTP; the app shell
// loads offline with the offline banner; a push message becomes a notification; "#/offers/<id>"
// opens that offer in the member's inbox.
import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { Client, login } from "../helpers/http";
import { pendingOffer, waitFor } from "../helpers/core";
import { join } from "node:path";
import { newContext, ROOT, screenshot, signIn, useBrowser } from "./browser";

const stamp = Date.now().toString(36);

/** Width and height from a PNG's IHDR chunk (and proof that it is a PNG at all). */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString("hex"), "PNG signature").to.equal("89504e470d0a1a0a");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function controlledPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, url);
  const page = await context.newPage();
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // clients.claim() in the worker's activate: the first page becomes controlled without a reload.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  return { context, page };
}

describe("e2e: installable app — manifest, service worker, offline shell, push (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it("serves a valid web app manifest whose icons exist at their stated sizes", async () => {
    const res = await fetch(`${service.url}/manifest.webmanifest`);
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.match(/^application\/manifest\+json/);
    expect(res.headers.get("cache-control")).to.equal("no-cache");
    const m = (await res.json()) as Record<string, any>;
    expect(m.name).to.equal("NDV Expertisenetwerk");
    expect(m.short_name).to.be.a("string").and.have.length.within(1, 12);
    expect(m.lang).to.equal("nl");
    expect(m.start_url).to.match(/^\//);
    expect(m.scope).to.equal("/");
    expect(m.display).to.be.oneOf(["standalone", "fullscreen", "minimal-ui"]);
    expect(m.theme_color).to.match(/^#[0-9a-f]{6}$/i);
    expect(m.background_color).to.match(/^#[0-9a-f]{6}$/i);
    const icons = m.icons as Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    const want = [
      ["192x192", "any"],
      ["512x512", "any"],
      ["512x512", "maskable"],
    ];
    for (const [sizes, purpose] of want)
      expect(
        icons.some((i) => i.sizes === sizes && (i.purpose ?? "any").split(" ").includes(purpose!)),
        `${sizes} ${purpose}`,
      ).to.equal(true);
    for (const icon of icons) {
      const r = await fetch(new URL(icon.src, `${service.url}/`));
      expect(r.status, icon.src).to.equal(200);
      expect(r.headers.get("content-type")).to.equal(icon.type);
      const { width, height } = pngSize(Buffer.from(await r.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).to.equal(icon.sizes);
    }
    // The page links the manifest, so the browser offers to install the app.
    const html = await (await fetch(`${service.url}/`)).text();
    expect(html).to.match(/<link rel="manifest" href="\/manifest\.webmanifest"/);
  });

  it("serves sw.js as JavaScript that is revalidated on every load; hashed bundles are immutable", async () => {
    const sw = await fetch(`${service.url}/sw.js`);
    expect(sw.status).to.equal(200);
    expect(sw.headers.get("content-type")).to.match(/^(application|text)\/javascript/);
    expect(sw.headers.get("cache-control")).to.equal("no-cache");
    const body = await sw.text();
    expect(body, "the precache list was injected").to.include("index.html").and.not.include("self.__WB_MANIFEST");
    const page = await fetch(`${service.url}/`);
    expect(page.headers.get("cache-control")).to.equal("no-cache");
    const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
    expect((await fetch(service.url + bundle)).headers.get("cache-control")).to.equal("public, max-age=31536000, immutable");
  });

  it("registers the service worker, which controls the page", async () => {
    const { context, page } = await controlledPage(browser, service.url);
    contexts.push(context);
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r?.scope, script: r?.active?.scriptURL, state: r?.active?.state };
    });
    expect(reg.scope).to.equal(`${service.url}/`);
    expect(reg.script).to.equal(`${service.url}/sw.js`);
    expect(reg.state).to.equal("activated");
  });

  it("loads the app shell offline and shows the offline banner; the banner follows the connection", async () => {
    const { context, page } = await controlledPage(browser, service.url);
    contexts.push(context);
    await page.getByLabel("Gebruikersnaam").waitFor();
    expect(await page.getByTestId("offline-banner").count()).to.equal(0);
    await context.setOffline(true);
    await page.reload();
    // Everything here came from the service worker's cache: the page, the bundle, the styles.
    await page.getByLabel("Gebruikersnaam").waitFor();
    const banner = page.getByTestId("offline-banner");
    await banner.waitFor();
    expect(await banner.innerText()).to.match(/^U bent offline/);
    await screenshot(page, "pwa-offline-shell");
    // English when the user switched language.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByText(/^You are offline/).waitFor();
    await context.setOffline(false);
    await banner.waitFor({ state: "detached" });
    await context.setOffline(true);
    await banner.waitFor();
    await context.setOffline(false);
  });

  it("shows a push message as a notification that carries the offer's app URL", async () => {
    const { context, page } = await controlledPage(browser, service.url);
    contexts.push(context);
    await context.grantPermissions(["notifications"], { origin: service.url });
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", (e: { registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> }) => {
        const r = e.registrations.find((x) => x.scopeURL === `${service.url}/` && !x.isDeleted);
        if (r) resolve(r.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    const payload = {
      title: "Nieuw acuut verzoek",
      body: "Somalische cultuur · Rotterdam · 2 uur",
      url: "/#/offers/abc123",
      tag: "offer-abc123",
      offerId: "abc123",
      urgency: "acute",
    };
    const deliver = async () =>
      cdp.send("ServiceWorker.deliverPushMessage", { origin: service.url, registrationId: await registrationId, data: JSON.stringify(payload) });
    const notifications = () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        const n = (await r?.getNotifications()) ?? [];
        return n.length ? n.map((x) => ({ title: x.title, body: x.body, tag: x.tag, data: x.data as unknown })) : null;
      });
    // Under `npm run test:stress` one delivery through the DevTools protocol once showed nothing within 30 s
    // (the file's other tests took 1–3 s). Like a push service redelivering what was not taken, this
    // delivers up to three times, 20 s apart; the same tag makes a later notification replace an earlier one.
    let shown: Awaited<ReturnType<typeof notifications>> = null;
    for (let attempt = 1; !shown && attempt <= 3; attempt++) {
      await deliver();
      shown = await waitFor(notifications, "the notification", 20_000).catch((err: Error) => (attempt === 3 ? Promise.reject(err) : null));
    }
    expect(shown).to.deep.equal([{ title: payload.title, body: payload.body, tag: payload.tag, data: { url: payload.url, offerId: payload.offerId } }]);
  });

  it("opens '#/offers/<id>' on that offer in the member's inbox, and says so when it is gone", async () => {
    const admin = await login(service, "admin");
    const username = `pwa${stamp}`;
    const made = await admin.post("/api/v1/admin/users", { username, password: "test-password-1", name: "Pim Push", roles: ["member"], unitId: "amsterdam" });
    expect(made.status, made.text).to.equal(201);
    const member: Client = await login(service, username, "test-password-1");
    // A rare language, so only this member matches the request.
    await member.put("/api/v1/members/me", {
      expertise: [{ id: "culture.somali", level: 3, visible: true }],
      languages: ["nl", "tk"],
      consent: { shareExpertise: true },
    });
    const requester = await login(service, "requester");
    const q = {
      title: "Rouwgebruiken",
      description: "Context gevraagd.",
      expertise: ["culture.somali"],
      languages: ["tk"],
      urgency: "planned",
      mode: "phone",
      unitId: "amsterdam",
      estimatedHours: 2,
    };
    const created = await requester.post("/api/v1/requests", q);
    expect(created.status, created.text).to.equal(201);
    const offer = await waitFor(() => pendingOffer(member, created.body.id), "the offer");

    const context = await newContext(browser, service.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, username, "test-password-1");
    await page.goto(`/#/offers/${encodeURIComponent(offer.id)}`);
    const card = page.locator(`[data-offer-id="${offer.id}"]`);
    await card.waitFor();
    expect(await card.getAttribute("data-focused")).to.equal("true");
    expect(await page.getByTestId("offer-gone").count()).to.equal(0);
    await screenshot(page, "pwa-offer-opened-phone");
    // No horizontal scrolling on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).to.equal(true);

    // Offline the answer waits: the banner shows and Accept cannot be pressed.
    await context.setOffline(true);
    await page.getByTestId("offline-banner").waitFor();
    expect(await card.getByRole("button", { name: /^Accepteren/ }).isDisabled()).to.equal(true);
    await context.setOffline(false);
    await page.getByTestId("offline-banner").waitFor({ state: "detached" });
    expect(await card.getByRole("button", { name: /^Accepteren/ }).isDisabled()).to.equal(false);

    await page.goto("/#/offers/000000000000000000000000");
    await page.getByTestId("offer-gone").waitFor();
    expect(await page.getByTestId("offer-gone").innerText()).to.match(/niet meer open/);
  });
});

describe("e2e: the member's notification preferences on a phone (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;
  let context: BrowserContext | undefined;

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });
  after(async () => {
    await context?.close().catch(() => undefined);
  });

  it("saves channels, quiet hours (24 h) and language, and shows them again after a reload", async () => {
    const admin = await login(service, "admin");
    const username = `pwp${stamp}`;
    const made = await admin.post("/api/v1/admin/users", {
      username,
      password: "test-password-1",
      name: "Pia Pref",
      email: `${username}@politie.example`,
      roles: ["member"],
      unitId: "rotterdam",
    });
    expect(made.status, made.text).to.equal(201);
    context = await newContext(browser, service.url);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, username, "test-password-1");
    await page.goto("/#/profile");
    const section = page.getByTestId("notification-settings");
    await section.getByRole("heading", { name: "Meldingen", exact: true }).waitFor();
    // The API's defaults: acute push + e-mail, today push, planned e-mail; no quiet hours.
    expect(await section.getByLabel("E-mail bij Acuut").isChecked()).to.equal(true);
    expect(await section.getByLabel("E-mail bij Vandaag").isChecked()).to.equal(false);
    await section.getByLabel("E-mail bij Vandaag").check();
    await section.getByLabel("Pushmelding bij Gepland").check();
    await section.getByLabel("Geen meldingen tussen").check();
    // A time it cannot read is refused in Dutch before anything is sent.
    await section.getByLabel("Van (uu:mm)").fill("25:00");
    await section.getByLabel("Tot (uu:mm)").fill("0630");
    await section.getByRole("button", { name: "Meldingen opslaan" }).click();
    await page.getByTestId("np-start-error").getByText(/uu:mm/).waitFor();
    expect(await section.getByTestId("np-saved").count()).to.equal(0);
    await section.getByLabel("Van (uu:mm)").fill("22.30");
    await section.getByLabel("Acute verzoeken ook tijdens mijn rusttijden melden").uncheck();
    await section.getByLabel("Taal van meldingen en e-mail").selectOption("en");
    await screenshot(page, "pwa-notification-settings-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling at 390 px").to.equal(true);
    await section.getByRole("button", { name: "Meldingen opslaan" }).click();
    await section.getByTestId("np-saved").waitFor();

    // Stored as the contract says (24 h, normalised) ...
    const member = await login(service, username, "test-password-1");
    const stored = (await member.get("/api/v1/notification-preferences/me")).body;
    expect(stored.channels).to.deep.equal({ acute: ["push", "email"], today: ["push", "email"], planned: ["push", "email"] });
    expect(stored.quietHours).to.deep.equal({ start: "22:30", end: "06:30" });
    expect(stored.acuteAtNight).to.equal(false);
    expect(stored.language).to.equal("en");
    expect(stored).to.not.have.property("digest"); // members have no digest

    // ... and shown again after a reload.
    await page.reload();
    await section.getByRole("heading", { name: "Meldingen", exact: true }).waitFor();
    expect(await section.getByLabel("Van (uu:mm)").inputValue()).to.equal("22:30");
    expect(await section.getByLabel("Tot (uu:mm)").inputValue()).to.equal("06:30");
    expect(await section.getByLabel("E-mail bij Vandaag").isChecked()).to.equal(true);
    expect(await section.getByLabel("Acute verzoeken ook tijdens mijn rusttijden melden").isChecked()).to.equal(false);
    expect(await section.getByLabel("Taal van meldingen en e-mail").inputValue()).to.equal("en");
    // Push on this device: the service worker is there, so the switch is offered (off until asked).
    expect(await section.getByTestId("push-device").getAttribute("data-state")).to.equal("off");
  });

  it("says so in Dutch when the browser's push service refuses, and registers nothing", async () => {
    // Headless Chromium has no push service to sign up with: PushManager.subscribe() is refused.
    const ctx = await newContext(browser, service.url);
    await ctx.grantPermissions(["notifications"], { origin: service.url });
    const page = await ctx.newPage();
    await signIn(page, `pwp${stamp}`, "test-password-1");
    await page.goto("/#/profile");
    const device = page.getByTestId("push-device");
    await device.getByRole("button", { name: "Pushmeldingen aanzetten" }).click();
    await page
      .getByTestId("push-error")
      .getByText(/^Deze browser kon zich niet aanmelden bij zijn pushdienst/)
      .waitFor();
    expect(await device.getAttribute("data-state")).to.equal("off");
    expect(await page.evaluate(async () => !!(await (await navigator.serviceWorker.ready).pushManager.getSubscription()))).to.equal(false);
    await ctx.close();
  });

  it("gives coordinators their digest choice on #/notifications", async () => {
    const coordinator = await (await newContext(browser, service.url, { bypassCSP: true })).newPage(); // axe is injected below
    await signIn(coordinator, "coordinator");
    await coordinator.getByRole("link", { name: "Meldingen", exact: true }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Meldingen", exact: true }).waitFor();
    await screenshot(coordinator, "pwa-coordinator-notifications");
    await coordinator.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    const violations = await coordinator.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string | null }[] }> } };
      return (await w.axe.run(document)).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    expect(violations, "axe: serious or critical").to.deep.equal([]);
    await coordinator.getByLabel("Eén keer per dag").check();
    await coordinator.getByRole("button", { name: "Meldingen opslaan" }).click();
    await coordinator.getByTestId("np-saved").waitFor();
    const stored = (await (await login(service, "coordinator")).get("/api/v1/notification-preferences/me")).body;
    expect(stored.digest).to.equal("daily");
    await coordinator.getByLabel("Direct").check(); // leave the shared demo account as it was
    await coordinator.getByRole("button", { name: "Meldingen opslaan" }).click();
    await coordinator.getByTestId("np-saved").waitFor();
    await coordinator.context().close();
  });
});
