// Keyboard and language accessibility. axe-core runs on every page of every role in pages.test.ts.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { newContext, signIn, useBrowser } from "./browser";

describe("e2e: accessibility: keyboard and language (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });

  async function page(): Promise<Page> {
    const ctx = await newContext(browser, service.url);
    return ctx.newPage();
  }

  it("keyboard: the skip link is the first tab stop and moves focus to the main content", async () => {
    const p = await page();
    await signIn(p, "requester");
    // Start from a fresh page load: right after sign-in the app moves focus to <main> (navigation), and
    // whether that lands before or after the Tab press is a race.
    await p.reload();
    await p.getByRole("heading", { level: 1, name: "Mijn aanvragen" }).waitFor();
    await p.keyboard.press("Tab");
    const first = await p.evaluate(() => document.activeElement?.textContent ?? "");
    expect(first).to.contain("Direct naar de inhoud");
    await p.keyboard.press("Enter");
    expect(await p.evaluate(() => document.activeElement?.id)).to.equal("main");
  });

  it("language switch: English is remembered across reloads", async () => {
    const p = await page();
    await signIn(p, "member");
    await p.getByRole("button", { name: "English" }).click();
    await p.getByRole("heading", { level: 1, name: "Offers for me" }).waitFor();
    await p.reload();
    await p.getByRole("heading", { level: 1, name: "Offers for me" }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).to.equal("en");
  });
});
