// The core journey in a real browser: requester → member (live offer, accept) → requester (live
// assignee) → member completes 1.5 h → coordinator sees the budget change and approves.
import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { startStack } from "../helpers/stack";
import { login } from "../helpers/http";
import { chromiumMissing, ensureWebBuilt, launch, markPage, newContext, nlNumber, screenshot, signIn, stillSamePage } from "./browser";

describe("e2e: request → offer → accept → complete → approve (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let requester: Page;
  let member: Page;
  let coordinator: Page;
  let memberId: string;
  let requestId: string;
  let pendingBefore = 0;
  let approvedBefore = 0;

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.warn(`      ${missing}`);
      this.skip();
    }
    ensureWebBuilt();
    service = await startStack({ DEMO_MEMBERS: "120" });
    // Make the journey's approval step real: entries of 1 h and more wait for a coordinator
    // (the seeded regulation approves anything under 4 h at once).
    // The force-wide regulation takes two policy-admins (issue 9): one proposes, the other approves.
    const policyAdmin = await login(service, "policy");
    const policies = (await policyAdmin.get("/api/v1/policies")).body.data as Array<Record<string, unknown>>;
    const current = [...policies].sort((a, b) => String(b.effectiveFrom).localeCompare(String(a.effectiveFrom)))[0]!;
    const created = await policyAdmin.post("/api/v1/policies", {
      name: "e2e: approval from 1 hour",
      effectiveFrom: new Date().toISOString(),
      baseHoursPerYear: current.baseHoursPerYear,
      unitSupplements: current.unitSupplements,
      categories: current.categories,
      approvalThresholdHours: 1,
      reason: "e2e: make the approval step real",
    });
    expect(created.status, created.text).to.be.oneOf([200, 201]);
    const approved = await (await login(service, "policy2")).post(`/api/v1/policies/${created.body.id}/approve`);
    expect(approved.status, approved.text).to.equal(200);
    const me = await (await login(service, "member")).get("/api/v1/auth/me");
    memberId = me.body.memberId;
    expect(memberId, "demo member has a member profile").to.be.a("string");

    browser = await launch();
    for (let i = 0; i < 3; i++) contexts.push(await newContext(browser, service.url));
    [requester, member, coordinator] = await Promise.all(contexts.map((c) => c.newPage()));
  });

  after(async () => {
    await browser?.close();
    await service?.stop();
  });

  it("the coordinator notes the member's budget before the engagement", async () => {
    await signIn(coordinator, "coordinator");
    await coordinator.waitForURL(/#\/coord$/);
    await screenshot(coordinator, "coordinator-dashboard");
    await coordinator.getByRole("link", { name: "Budgetten" }).click();
    const row = await budgetRow(coordinator);
    pendingBefore = nlNumber(await row.locator("[data-col=pending]").innerText());
    approvedBefore = nlNumber(await row.locator("[data-col=approved]").innerText());
  });

  it("the member waits on the offers page", async () => {
    await signIn(member, "member");
    await member.waitForURL(/#\/offers$/);
    await member.getByRole("heading", { level: 1, name: "Aanvragen voor mij" }).waitFor();
    await screenshot(member, "member-offers-empty");
    await markPage(member);
  });

  it("the requester creates an acute request with the expertise picker", async () => {
    await signIn(requester, "requester");
    await requester.waitForURL(/#\/requests$/);
    await requester.getByRole("link", { name: "Nieuwe aanvraag" }).first().click();
    await requester.getByLabel("Korte omschrijving").fill("Overlijden kind in Somalische familie: uitleg sectie en rouwrituelen");
    await requester
      .getByLabel("Toelichting")
      .fill("Familierechercheur vraagt context over begrafenisgebruiken en hoe de sectie uit te leggen. Somalisch sprekende collega ter plaatse gewenst.");
    const picker = requester.getByRole("combobox", { name: "Gevraagde expertise" });
    await picker.fill("somalie"); // a typo of "Somalië": the picker is typo tolerant
    await requester.locator('[role=option][data-expertise="culture.somali"]').click();
    await picker.fill("rouw");
    await requester.locator('[role=option][data-expertise="topic.death-rituals"]').click();
    await requester.getByLabel("Gewenste taal").fill("so");
    await requester.getByLabel("Eenheid").selectOption("rotterdam");
    await requester.getByRole("radio", { name: "Acuut" }).check();
    await requester.getByRole("radio", { name: "Ter plaatse" }).check();
    await requester.getByLabel("Geschatte uren").fill("2");
    await screenshot(requester, "requester-new-request");
    await requester.getByRole("button", { name: "Aanvraag versturen" }).click();
    await requester.waitForURL(/#\/requests\/(?!new$)[^/]+$/);
    requestId = decodeURIComponent(requester.url().split("#/requests/")[1]!);
    await requester.locator("[data-testid=request-status] [data-status]").waitFor();
    await markPage(requester);
  });

  it("the member sees the offer appear without reloading and accepts it", async () => {
    const offer = member.locator("[data-offer-id]").filter({ hasText: "Somalische familie" });
    await offer.waitFor({ timeout: 20_000 });
    expect(await stillSamePage(member), "the offers page was not reloaded").to.equal(true);
    await screenshot(member, "member-offers");
    await offer.getByRole("button", { name: /^Accepteren/ }).click();
    await member.locator(".alert-ok").filter({ hasText: "Geaccepteerd" }).waitFor();
  });

  it("the requester sees the assignee appear without reloading", async () => {
    const assignee = requester.locator("[data-testid=assignee]");
    await assignee.waitFor({ timeout: 20_000 });
    expect(await assignee.innerText()).to.contain("Yusuf Abdi");
    expect(await requester.locator("[data-testid=request-status] [data-status]").getAttribute("data-status")).to.equal("accepted");
    expect(await stillSamePage(requester), "the request page was not reloaded").to.equal(true);
    await screenshot(requester, "requester-request-accepted");
  });

  it("the member completes the engagement with 1.5 hours and a knowledge note", async () => {
    await member.getByRole("link", { name: "Mijn inzet" }).click();
    const item = member.locator(`[data-testid=engagements-open] li[data-request-id="${requestId}"]`);
    await item.waitFor();
    await item.locator("summary").click();
    await item.getByLabel("Bestede uren").fill("1.5");
    await item.getByLabel("Titel kennisnotitie (optioneel)").fill("Somalische rouw en sectie uitleggen");
    await item
      .getByLabel("Kennisnotitie (optioneel)", { exact: true })
      .fill("Begraaf bij voorkeur binnen 24 uur; leg de sectie uit via een vertrouwde sleutelfiguur uit de gemeenschap.");
    await item.getByRole("button", { name: "Afronden" }).click();
    await member.locator(".alert-ok").filter({ hasText: "Inzet afgerond" }).waitFor();
    await screenshot(member, "member-engagement-completed");
  });

  it("the coordinator sees the pending hours and approves them; the budget moves", async () => {
    await coordinator.getByRole("link", { name: "Budgetten" }).click();
    const row = await budgetRow(coordinator);
    await expectCell(row.locator("[data-col=pending]"), pendingBefore + 1.5);
    await screenshot(coordinator, "coordinator-budgets");

    await coordinator.getByRole("link", { name: "Goedkeuren" }).click();
    const entry = coordinator.locator(`[data-testid=approval-queue] tr[data-member-id="${memberId}"]`).filter({ hasText: "1,5" });
    await entry.first().waitFor();
    await screenshot(coordinator, "coordinator-approvals");
    await entry
      .first()
      .getByRole("button", { name: /goedkeuren$/ })
      .click();
    await entry.first().waitFor({ state: "detached" });

    await coordinator.getByRole("link", { name: "Budgetten" }).click();
    const after = await budgetRow(coordinator);
    await expectCell(after.locator("[data-col=approved]"), approvedBefore + 1.5);
    await expectCell(after.locator("[data-col=pending]"), pendingBefore);
  });

  async function budgetRow(page: Page) {
    await page.getByLabel("Zoek op naam").fill("Yusuf Abdi");
    const row = page.locator(`[data-testid=budgets-table] tr[data-member-id="${memberId}"]`);
    await row.waitFor();
    return row;
  }
});

async function expectCell(cell: import("playwright-core").Locator, expected: number) {
  const deadline = Date.now() + 10_000;
  let last = NaN;
  while (Date.now() < deadline) {
    last = nlNumber(await cell.innerText());
    if (Math.abs(last - expected) < 1e-6) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(last).to.be.closeTo(expected, 1e-6);
}
