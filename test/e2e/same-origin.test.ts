// Issue 9.10 in the real browser: the app is same-origin, so after a reload (session cookie only,
// no bearer token in memory) Chromium's requests still carry our Origin and saving works; the live
// connection authenticates with the cookie. Issue 10.9: the Dutch UI offers the Dutch CSV first.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { newContext, signIn, useBrowser } from "./browser";

describe("e2e: same-origin requests with the session cookie (Chromium)", function () {
  this.timeout(120_000);
  let service: Service;
  let browser: Browser;
  let page: Page;

  useBrowser(async (s, b) => {
    service = s;
    browser = b;
    page = await (await newContext(browser, service.url)).newPage();
  });

  it("after a reload the cookie alone still saves (Origin sent) and the live connection comes back", async () => {
    await signIn(page, "coordinator");
    await page.reload();
    await page.locator("[data-testid=whoami]").waitFor();
    await page.locator(".live-dot.on").waitFor();
    const result = await page.evaluate(async () => {
      const res = await fetch("/api/v1/calendar/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
      return { status: res.status, body: await res.text() };
    });
    expect(result.status, result.body).to.equal(200);
    const textPlain = await page.evaluate(
      async () =>
        (await fetch("/api/v1/calendar/token", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "", credentials: "same-origin" })).status,
    );
    expect(textPlain).to.equal(415);
  });

  it("the Dutch budgets page offers the Dutch spreadsheet CSV first and the machine CSV second", async () => {
    await page.getByRole("link", { name: "Budgetten" }).first().click();
    const primary = page.locator("[data-testid=csv-export]");
    await primary.waitFor();
    expect(await primary.textContent()).to.match(/Excel/);
    const href = (await primary.getAttribute("href"))!;
    expect(href).to.contain("format=nl");
    expect(await page.locator("[data-testid=csv-export-machine]").getAttribute("href")).not.to.contain("format=nl");
    const csv = await page.evaluate(async (u) => {
      const res = await fetch(u, { credentials: "same-origin" });
      return { status: res.status, text: await res.text(), disposition: res.headers.get("content-disposition") };
    }, href);
    expect(csv.status).to.equal(200);
    expect(csv.text.replace(/^\uFEFF/, "").split("\r\n")[0]).to.match(/^"Naam";"Eenheid";/);
    expect(csv.disposition).to.match(/ndv-budgetten-\d{4}\.csv/);
  });
});
