// Shared helpers for the browser tests: Debian's Chromium through playwright-core, a fresh web
// build when web/src changed, sign-in through the real login form, and screenshots.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM}: skipping browser tests (CI installs it: apt-get install -y chromium)`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Build web/dist when it is missing or older than the sources (CI builds before testing). */
export function ensureWebBuilt() {
  const index = join(ROOT, "web", "dist", "index.html");
  const inputs = ["index.html", "vite.config.ts", "manifest.ts"].map((f) => statSync(join(ROOT, "web", f)).mtimeMs);
  const src = Math.max(newest(join(ROOT, "web", "src")), newest(join(ROOT, "web", "sw")), newest(join(ROOT, "web", "public")), ...inputs);
  if (existsSync(index) && statSync(index).mtimeMs >= src) return;
  execSync("npm run build:web", { cwd: ROOT, stdio: "pipe", timeout: 120_000 });
}

/** `bypassCSP` only where a test injects a script (axe-core); the app itself runs under the real CSP. */
export async function newContext(browser: Browser, baseURL: string, opts: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    bypassCSP: !!opts.bypassCSP,
  });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** Sign in through the login form and wait for the role's start page and the live connection. */
export async function signIn(page: Page, username: string, password = "demo") {
  await page.goto("/");
  await page.getByLabel(/Gebruikersnaam|Username/).fill(username);
  await page.getByLabel(/Wachtwoord|Password/).fill(password);
  await page.getByRole("button", { name: /^(Aanmelden|Sign in)$/ }).click();
  await page.locator("[data-testid=whoami]").waitFor();
  await page.locator(".live-dot.on").waitFor();
}

/**
 * Go to a hash route (by setting it, or by `via`, e.g. a click on a link to it) and wait until its page has
 * rendered and loaded: a page element in `main` that was not there before, its h1, and no busy indicator
 * left (pages show one from their first render until their data is in). Waiting for "networkidle" would not
 * do: a hash change loads no document, so that state was reached long before, and a list read right after
 * could still be empty, or still the previous page's.
 */
export async function openPage(page: Page, hash: string, via?: () => Promise<unknown>) {
  const to = hash.replace(/^#/, "");
  const moves = await page.evaluate((h) => {
    if (window.location.hash.replace(/^#/, "") === h) return false;
    for (const el of Array.from(document.querySelectorAll("main > *"))) el.setAttribute("data-left", "");
    return true;
  }, to);
  if (via) await via();
  else if (moves) await page.evaluate((h) => (window.location.hash = h), to);
  await page.locator("main > :not([data-left]) h1, main > h1:not([data-left])").first().waitFor();
  await page.waitForFunction(() => !document.querySelector("main [aria-busy=true]"));
}

/** A marker that survives only as long as the page is not reloaded. */
export async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}

export async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Parse a number as the Dutch UI shows it ("1.234,5"). */
export function nlNumber(text: string): number {
  return Number(
    text
      .replace(/[^\d,.-]/g, "")
      .replace(/\./g, "")
      .replace(",", "."),
  );
}

/**
 * The set-up every browser suite on the shared stack needs: skip (with a message) without Chromium,
 * build the web app if needed, start the shared service and a browser; close the browser after.
 * `ready` receives both and may do the suite's own set-up.
 */
export function useBrowser(ready: (service: Service, browser: Browser) => void | Promise<void>) {
  let browser: Browser | undefined;
  before(async function () {
    this.timeout(180_000); // may start the shared stack, build the web app and launch Chromium
    const missing = chromiumMissing();
    if (missing) {
      console.warn(`      ${missing}`);
      this.skip();
    }
    ensureWebBuilt();
    const service = await sharedStack();
    browser = await launch();
    await ready(service, browser);
  });
  after(async () => {
    await browser?.close();
  });
}
