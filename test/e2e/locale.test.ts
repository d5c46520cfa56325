// Dates follow the UI, not the browser (issue 10 defect 8): with the browser's locale set to en-US and
// the UI in Dutch, every page of every role shows and asks dates as dd-mm-jjjj and times on a 24-hour
// clock. The walk follows each role's navigation (so new pages are walked too) and opens a request.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { login } from "../helpers/http";
import { openPage, screenshot, useBrowser } from "./browser";

interface Finding {
  page: string;
  problem: string;
}

/** What on the page follows the browser's locale or is not dd-mm-jjjj / 24 h. */
async function findings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const native = Array.from(document.querySelectorAll<HTMLInputElement>("input")).filter((i) =>
      ["date", "datetime-local", "time", "month", "week", "number"].includes(i.type),
    );
    for (const i of native) out.push(`native <input type=${i.type}> #${i.id} (shows the browser's locale)`);
    const texts = [
      document.body.innerText,
      ...Array.from(document.querySelectorAll<HTMLInputElement>("input, textarea")).flatMap((i) => [i.value, i.placeholder ?? ""]),
    ];
    for (const text of texts) {
      for (const m of text.match(/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM|am|pm|a\.m\.|p\.m\.)/g) ?? []) out.push(`12-hour time "${m}"`);
      for (const m of text.match(/\b(AM|PM)\b/g) ?? []) out.push(`"${m}"`);
      for (const m of text.match(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g) ?? []) out.push(`slashed date "${m}" (mm/dd?)`);
      for (const m of text.match(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g) ?? []) out.push(`ISO date "${m}" instead of dd-mm-jjjj`);
    }
    return out;
  });
}

describe("e2e: dates and times under a browser locale of en-US, UI in Dutch (Chromium)", function () {
  this.timeout(300_000);
  let service: Service;
  let browser: Browser;

  useBrowser(async (s, b) => {
    service = s;
    browser = b;
    // A request of our own, so the requester's list links to a detail page with dates on it.
    const requester = await login(service, "requester");
    const created = await requester.post("/api/v1/requests", {
      title: "Locale-walk: context rouwrituelen",
      description: "Gepland overleg.",
      expertise: ["topic.death-rituals"],
      urgency: "planned",
      mode: "video",
      unitId: "amsterdam",
      estimatedHours: 1,
      neededBy: "2099-12-31T13:30:00Z",
    });
    expect(created.status, created.text).to.equal(201);
  });

  async function walk(user: string, lang: "nl" | "en"): Promise<{ found: Finding[]; visited: string[] }> {
    const ctx = await browser.newContext({ baseURL: service.url, viewport: { width: 1366, height: 900 }, locale: "en-US", timezoneId: "Europe/Amsterdam" });
    ctx.setDefaultTimeout(15_000);
    if (lang === "en") await ctx.addInitScript(() => localStorage.setItem("ndv.lang", "en"));
    const p = await ctx.newPage();
    const found: Finding[] = [];
    const visited: string[] = [];
    await p.goto("/");
    await p.getByLabel(/Gebruikersnaam|Username/).fill(user);
    await p.getByLabel(/Wachtwoord|Password/).fill("demo");
    await p.getByRole("button", { name: /^(Aanmelden|Sign in)$/ }).click();
    await p.locator("[data-testid=whoami]").waitFor();
    expect(await p.evaluate(() => navigator.language)).to.equal("en-US");
    const nav = p.getByRole("navigation", { name: /Hoofdmenu|Main menu/ });
    const hrefs = await nav.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").filter(Boolean));
    const pages = [...new Set(hrefs)];
    const check = async (name: string) => {
      await openPage(p, name);
      for (const s of await p.locator("main summary").all()) if (await s.isVisible()) await s.click();
      visited.push(name);
      for (const f of await findings(p)) found.push({ page: name, problem: f });
      const slug = name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      await screenshot(p, `locale-${lang}-${user}-${slug}`); // both widths of each page: pages.test.ts
    };
    for (const href of pages) {
      await check(href);
      // One request detail page from each list that links to one.
      const detail = p.locator('main a[href^="#/requests/"]:not([href="#/requests/new"])').first();
      if ((await detail.count()) > 0 && !visited.some((v) => v.startsWith("#/requests/") && v !== "#/requests/new" && v !== "#/requests")) {
        await check((await detail.getAttribute("href"))!);
      }
    }
    await ctx.close();
    return { found, visited };
  }

  for (const user of ["requester", "member", "coordinator", "planner", "admin", "auditor"]) {
    it(`${user}: every page in Dutch shows dd-mm-jjjj and 24 h, no AM/PM or mm/dd`, async () => {
      const { found, visited } = await walk(user, "nl");
      expect(visited.length, `${user} has pages`).to.be.greaterThan(0);
      if (user === "requester")
        expect(
          visited.some((v) => /^#\/requests\/(?!new$)/.test(v)),
          "a request detail page was walked",
        ).to.equal(true);
      expect(found.map((f) => `${f.page}: ${f.problem}`)).to.deep.equal([]);
    });
  }

  for (const user of ["member", "coordinator"]) {
    it(`${user}: the English UI shows dd-mm-yyyy and 24 h as well`, async () => {
      const { found } = await walk(user, "en");
      expect(found.map((f) => `${f.page}: ${f.problem}`)).to.deep.equal([]);
    });
  }

  it("a date typed as dd-mm-jjjj in a Dutch form is read as day-month (12-01-2026 is 12 January)", async () => {
    const ctx = await browser.newContext({ baseURL: service.url, viewport: { width: 1366, height: 900 }, locale: "en-US", timezoneId: "Europe/Amsterdam" });
    const p = await ctx.newPage();
    await p.goto("/");
    await p.getByLabel("Gebruikersnaam").fill("member");
    await p.getByLabel("Wachtwoord").fill("demo");
    await p.getByRole("button", { name: "Aanmelden" }).click();
    await p.locator("[data-testid=whoami]").waitFor();
    await p.evaluate(() => (window.location.hash = "/budget"));
    await p.getByText("Andere NDV-uren boeken").click();
    const date = p.getByLabel("Datum");
    expect(await date.getAttribute("type")).to.equal("text");
    await date.fill("12-01-2026");
    await p.getByTestId("lt-date-echo").filter({ hasText: "12-01-2026" }).waitFor();
    // Capture what would be sent and stop it there: this test books nothing in the shared data.
    const body = await new Promise<Record<string, unknown>>((resolve) => {
      void p.route("**/api/v1/time-entries", (route) => {
        if (route.request().method() !== "POST") return route.continue();
        resolve(route.request().postDataJSON());
        return route.abort();
      });
      void p.getByRole("button", { name: "Uren boeken" }).click();
    });
    expect(body.date).to.equal("2026-01-12");
    await ctx.close();
  });
});
