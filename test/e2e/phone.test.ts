// The member at phone width (390×844), issue 10 defect 10 and the done-when points: offer → accept
// (focus on the confirmation) → complete with "1,5" → the hours show 1,5; a compact navigation; and
// every interactive element on the member pages is at least 44×44 px.
import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { startStack } from "../helpers/stack";
import { login } from "../helpers/http";
import { chromiumMissing, ensureWebBuilt, launch, openPage, screenshot, signIn } from "./browser";

const PHONE = { width: 390, height: 844 };
const MIN = 44;

interface Small {
  what: string;
  w: number;
  h: number;
}

/** Every visible interactive element smaller than 44×44 px. A checkbox or radio counts by the label that wraps it (the tap target). */
async function smallTargets(page: Page): Promise<Small[]> {
  const r = await targets(page);
  expect(r.checked, "interactive elements measured").to.be.at.least(2);
  return r.small;
}

async function targets(page: Page): Promise<{ checked: number; small: Small[] }> {
  return page.evaluate((min) => {
    const sel =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=combobox], [role=option], [tabindex]:not([tabindex="-1"])';
    const out: { what: string; w: number; h: number }[] = [];
    let checked = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) target = el.closest("label") ?? el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed details, display:none parent)
      if (el.classList.contains("sr-only")) continue;
      checked++;
      if (r.width + 0.5 < min || r.height + 0.5 < min) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? el.id ?? "").trim().slice(0, 40);
        out.push({ what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${name}"`, w: Math.round(r.width), h: Math.round(r.height) });
      }
    }
    return { checked, small: out };
  }, MIN);
}

describe("e2e: the member on a phone (390×844, Chromium)", function () {
  this.timeout(240_000);
  let service: Service;
  let browser: Browser;
  let ctx: BrowserContext;
  let member: Page;
  let requestId: string;

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.warn(`      ${missing}`);
      this.skip();
    }
    ensureWebBuilt();
    service = await startStack({ DEMO_MEMBERS: "120" });
    browser = await launch();
    ctx = await browser.newContext({ baseURL: service.url, viewport: PHONE, hasTouch: true, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    ctx.setDefaultTimeout(15_000);
    member = await ctx.newPage();
  });

  after(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function go(label: string) {
    const toggle = member.getByRole("button", { name: "Menu" });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    const link = member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: label });
    await openPage(member, (await link.getAttribute("href"))!, () => link.click());
  }

  it("signs in; the navigation folds behind one menu button in a header of one row", async () => {
    await signIn(member, "member");
    await member.waitForURL(/#\/offers$/);
    await member.getByRole("heading", { level: 1, name: "Aanvragen voor mij" }).waitFor();
    const header = await member.locator("header.topbar").boundingBox();
    expect(header!.height, "header height with the menu closed").to.be.at.most(80);
    const toggle = member.getByRole("button", { name: "Menu" });
    expect(await toggle.getAttribute("aria-expanded")).to.equal("false");
    expect(await member.getByRole("link", { name: "Mijn inzet" }).isVisible()).to.equal(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).to.equal("true");
    await member.getByRole("link", { name: "Mijn inzet" }).waitFor();
    await screenshot(member, "phone-member-menu-open");
    await toggle.click();
    await screenshot(member, "phone-member-offers-empty");
  });

  it("an offer arrives; Accept moves focus to the confirmation", async () => {
    const requester = await login(service, "requester");
    const created = await requester.post("/api/v1/requests", {
      title: "Telefoon: Somalische rouw en sectie uitleggen",
      description: "Familierechercheur vraagt context over begrafenisgebruiken.",
      expertise: ["culture.somali", "topic.death-rituals"],
      languages: ["so"],
      urgency: "acute",
      mode: "phone",
      unitId: "rotterdam",
      estimatedHours: 2,
    });
    expect(created.status, created.text).to.equal(201);
    requestId = created.body.id;
    const offer = member.locator("[data-offer-id]").filter({ hasText: "Somalische rouw en sectie" });
    await offer.waitFor({ timeout: 20_000 });
    await screenshot(member, "phone-member-offers");
    const accept = offer.getByRole("button", { name: /^Accepteren/ });
    const box = await accept.boundingBox();
    expect(box!.height).to.be.at.least(MIN);
    await accept.tap();
    const confirmation = member.getByTestId("offer-result");
    await confirmation.filter({ hasText: "Geaccepteerd" }).waitFor();
    await member.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "offer-result");
    expect(await member.evaluate(() => document.activeElement?.textContent ?? "")).to.contain("Geaccepteerd");
    await screenshot(member, "phone-member-accepted");
  });

  it("completes with 1,5 hours: echoed before sending, and the hours show 1,5", async () => {
    await go("Mijn inzet");
    const item = member.locator(`[data-testid=engagements-open] li[data-request-id="${requestId}"]`);
    await item.waitFor();
    await item.locator("summary").tap();
    const hours = item.getByLabel("Bestede uren");
    expect(await hours.getAttribute("inputmode")).to.equal("decimal");
    await hours.fill("1,5");
    await item.getByText("Wordt verstuurd als 1,5 uur").waitFor();
    await screenshot(member, "phone-member-complete");
    await item.getByRole("button", { name: "Afronden" }).tap();
    await member.locator(".alert-ok").filter({ hasText: "Inzet afgerond" }).waitFor();
    await screenshot(member, "phone-member-engagements");

    const m = await login(service, "member");
    const entries = (await m.get("/api/v1/time-entries?mine=1&limit=100")).body.data as { hours: number; requestId?: string }[];
    expect(entries.find((e) => e.requestId === requestId)?.hours, "booked hours").to.equal(1.5);

    await go("Mijn uren");
    await member.locator("table").getByText("1,5", { exact: true }).first().waitFor();
    await screenshot(member, "phone-member-budget");
  });

  it("every interactive element on the member pages is at least 44×44 px", async () => {
    const failures: string[] = [];
    const pages: { label: string; name: string; prepare?: () => Promise<void> }[] = [
      { label: "Aanvragen voor mij", name: "offers" },
      {
        label: "Mijn inzet",
        name: "engagements",
        prepare: async () => {
          for (const s of await member.locator("main summary").all()) await s.click();
        },
      },
      {
        label: "Mijn uren",
        name: "budget",
        prepare: async () => {
          for (const s of await member.locator("main summary").all()) await s.click();
        },
      },
      { label: "Mijn diensten", name: "shifts" },
      { label: "Mijn profiel", name: "profile" },
    ];
    for (const pg of pages) {
      await go(pg.label);
      await pg.prepare?.();
      await screenshot(member, `phone-member-${pg.name}-targets`);
      for (const s of await smallTargets(member)) failures.push(`${pg.name}: ${s.what} ${s.w}×${s.h}`);
      const wide = await member.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const over = Array.from(document.querySelectorAll<HTMLElement>("main *")).filter(
          (e) => e.getBoundingClientRect().right > w + 1 && !e.closest(".table-wrap"),
        );
        return { scroll: document.documentElement.scrollWidth, w, over: over.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`) };
      });
      if (wide.scroll > wide.w) failures.push(`${pg.name}: page is ${wide.scroll} px wide (${wide.over.join(", ")})`);
      // With the menu open too (its links and buttons are tap targets as well).
      await member.getByRole("button", { name: "Menu" }).click();
      for (const s of await smallTargets(member)) failures.push(`${pg.name} (menu open): ${s.what} ${s.w}×${s.h}`);
      await member.getByRole("button", { name: "Menu" }).click();
    }
    expect(failures, failures.join("\n")).to.deep.equal([]);
  });

  it("the same check does find small targets (it can fail): the desktop layout's inline links", async () => {
    await member.setViewportSize({ width: 1366, height: 900 });
    await go2("Aanvragen voor mij");
    const small = (await targets(member)).small;
    await member.setViewportSize(PHONE);
    expect(small.length, "the header's language/logout buttons are 32 px high on desktop").to.be.greaterThan(0);
  });

  async function go2(label: string) {
    const link = member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: label });
    await openPage(member, (await link.getAttribute("href"))!, () => link.click());
  }
});
