// Issue 9 in the browser: a member asks to join Roze in Blauw on their profile, a coordinator of that
// network approves it on their page; one policy-admin proposes a regulation version, another approves it.
import { expect } from "chai";
import type { Browser, BrowserContext } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { startStack, stopSharedStack } from "../helpers/stack";
import { login, newUser } from "../helpers/http";
import { chromiumMissing, ensureWebBuilt, launch, newContext, screenshot, signIn } from "./browser";

describe("e2e: granted networks and four-eyes regulation (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.warn(`      ${missing}`);
      this.skip();
    }
    ensureWebBuilt();
    await stopSharedStack();
    service = await startStack({ DEMO_MEMBERS: "0" });
    browser = await launch();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await service?.stop();
  });

  async function page() {
    const ctx = await newContext(browser, service.url);
    contexts.push(ctx);
    return ctx.newPage();
  }

  it("a member asks to join Roze in Blauw; the coordinator approves it", async () => {
    const m = await newUser(service, { roles: ["member"], unitId: "rotterdam", networks: ["ndv"], name: "Robin Aanvrager" });
    const member = await page();
    await signIn(member, m.username, "test-password-1");
    await member.goto("/#/profile");
    await member.getByRole("heading", { name: "Netwerken en eenheid" }).waitFor();
    await member.getByLabel("Netwerk", { exact: true }).selectOption("roze-in-blauw");
    await member.getByLabel("Toelichting (optioneel)").fill("Ik wil meedraaien op de hulplijn");
    await member.getByRole("button", { name: "Aanmelden bij netwerk" }).click();
    await member.getByText("in behandeling").waitFor();
    await screenshot(member, "member-network-request");

    const coordinator = await page();
    await signIn(coordinator, "coordinator");
    await coordinator.getByRole("link", { name: "Aanmeldingen netwerk" }).click();
    const row = coordinator.getByRole("row", { name: /Robin Aanvrager/ });
    await row.waitFor();
    await screenshot(coordinator, "coordinator-network-requests");
    await row.getByRole("button", { name: /Goedkeuren/ }).click();
    await coordinator.getByText("Er wachten geen aanmeldingen.").waitFor();
    const me = await m.client.get("/api/v1/auth/me");
    expect(me.body.networks).to.include("roze-in-blauw");
  });

  it("one policy-admin proposes a version with a reason; only another approves it", async () => {
    const policy = await page();
    await signIn(policy, "policy");
    await policy.waitForURL(/#\/policy$/);
    await policy.getByLabel("Basis (uur per jaar)").fill("90");
    await policy.getByLabel("Goedkeuring nodig vanaf (uur)").fill("4");
    await policy.getByLabel("Reden van de wijziging").fill("Evaluatie: meer basisuren voor iedereen");
    await policy.getByRole("button", { name: "Voorstel indienen" }).click();
    await policy.getByText("Uw eigen voorstel: een andere beleidsbeheerder keurt het goed.").waitFor();
    await screenshot(policy, "policy-admin-proposal");

    const policy2 = await page();
    await signIn(policy2, "policy2");
    await policy2.getByText("Reden: Evaluatie: meer basisuren voor iedereen").waitFor();
    await policy2.getByRole("button", { name: "Goedkeuren" }).click();
    await policy2.getByText("Er wachten geen voorstellen.").waitFor();
    const versions = (await (await login(service, "member")).get("/api/v1/policies")).body.data as { baseHoursPerYear: number; reason?: string }[];
    expect(versions.some((v) => v.baseHoursPerYear === 90 && v.reason === "Evaluatie: meer basisuren voor iedereen")).to.equal(true);
  });
});
