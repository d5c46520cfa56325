// axe-core on the main page of each role (and the login page): no serious or critical violations.
// Also writes a screenshot of each role's main page to test-results/screenshots/<role>.png.
import { expect } from "chai";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { ROOT, newContext, screenshot, signIn, useBrowser } from "./browser";

interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } };
    return w.axe.run(document, { resultTypes: ["violations"] });
  });
  return result.violations as AxeViolation[];
}

function report(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`)
          .join("\n    ")}`,
    )
    .join("\n");
}

const severe = (vs: AxeViolation[]) => vs.filter((v) => v.impact === "serious" || v.impact === "critical");

describe("e2e: accessibility (axe-core in Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });

  async function page(): Promise<Page> {
    const ctx = await newContext(browser, service.url, { bypassCSP: true });
    return ctx.newPage();
  }

  it("login page", async () => {
    const p = await page();
    await p.goto("/");
    await p.getByLabel("Gebruikersnaam").waitFor();
    await screenshot(p, "login");
    const vs = severe(await axe(p));
    expect(vs, report(vs)).to.have.length(0);
  });

  const roles: { user: string; name: string; path: RegExp; ready: (p: Page) => Promise<unknown>; extra?: string[] }[] = [
    {
      user: "requester",
      name: "requester",
      path: /#\/requests$/,
      ready: (p) => p.getByRole("heading", { level: 1, name: "Mijn aanvragen" }).waitFor(),
      extra: ["/requests/new"],
    },
    {
      user: "member",
      name: "member",
      path: /#\/offers$/,
      ready: (p) => p.getByRole("heading", { level: 1, name: "Aanvragen voor mij" }).waitFor(),
      extra: ["/budget", "/profile"],
    },
    {
      user: "coordinator",
      name: "coordinator",
      path: /#\/coord$/,
      ready: (p) => p.locator("[data-testid=kpis] .value").first().waitFor(),
      extra: ["/coord/budgets", "/coord/approvals", "/coord/pools", "/coord/network-requests", "/coord/supplements"],
    },
    { user: "planner", name: "planner", path: /#\/helpline$/, ready: (p) => p.locator("table.heat").first().waitFor() },
    { user: "policy", name: "policy-admin", path: /#\/policy$/, ready: (p) => p.getByRole("heading", { level: 1, name: "Korpsregeling" }).waitFor() },
  ];

  for (const role of roles) {
    it(`${role.name}: main page${role.extra ? ` (and ${role.extra.join(", ")})` : ""}`, async () => {
      const p = await page();
      await signIn(p, role.user);
      await p.waitForURL(role.path);
      await role.ready(p);
      await p.waitForLoadState("networkidle");
      await screenshot(p, role.name);
      // A page that threw shows the error boundary instead (it used to blank the whole app).
      expect(await p.getByText("Deze pagina kon niet worden getoond").count(), `${role.name} page crashed`).to.equal(0);
      const found = severe(await axe(p));
      expect(found, `${role.name} main page:\n${report(found)}`).to.have.length(0);
      for (const path of role.extra ?? []) {
        await p.evaluate((h) => (window.location.hash = h), path);
        await p.locator("main h1").first().waitFor();
        await p.waitForLoadState("networkidle");
        expect(await p.getByText("Deze pagina kon niet worden getoond").count(), `${role.name} ${path} crashed`).to.equal(0);
        const more = severe(await axe(p));
        expect(more, `${role.name} ${path}:\n${report(more)}`).to.have.length(0);
      }
    });
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
