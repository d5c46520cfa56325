// Forms as a Dutch officer fills them in (issue 10, defects 1 and 2): hours with a decimal comma are
// read as such and echoed before sending, what cannot be read is refused in Dutch, a 422 shows a
// Dutch sentence beside the field it belongs to (focused), and Enter in the title does not submit.
import { expect } from "chai";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { login } from "../helpers/http";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

describe("e2e: number fields, field errors and Enter (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;
  let ctx: BrowserContext;

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });

  async function page(user: string): Promise<Page> {
    ctx = await newContext(browser, service.url);
    const p = await ctx.newPage();
    await signIn(p, user);
    return p;
  }

  function posts(p: Page, path: string): Request[] {
    const seen: Request[] = [];
    p.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === `/api/v1${path}`) seen.push(r);
    });
    return seen;
  }

  async function openLogTime(p: Page) {
    await p.getByRole("link", { name: "Mijn uren" }).click();
    await p.getByRole("heading", { level: 1, name: /Mijn uren/ }).waitFor();
    await p.getByText("Andere NDV-uren boeken").click();
  }

  it("0,5 in 'Mijn uren' books 0.5 hours, echoed as '0,5 uur' before it is sent", async () => {
    const p = await page("member");
    await openLogTime(p);
    const note = `e2e decimal comma ${Date.now()}`;
    const hours = p.getByLabel("Uren", { exact: true });
    expect(await hours.getAttribute("inputmode")).to.equal("decimal");
    expect(await hours.getAttribute("type")).to.equal("text");
    await hours.fill("0,5");
    await p.getByLabel("Notitie", { exact: true }).fill(note);
    await p.getByTestId("lt-hours-echo").filter({ hasText: "0,5 uur" }).waitFor();
    await screenshot(p, "forms-log-time-echo");
    const sent = posts(p, "/time-entries");
    await p.getByRole("button", { name: "Uren boeken" }).click();
    await p.getByText("De uren zijn geboekt.").waitFor();
    expect(sent).to.have.length(1);
    expect(sent[0]!.postDataJSON()).to.include({ hours: 0.5 });
    const m = await login(service, "member");
    const entries = (await m.get(`/api/v1/time-entries?mine=1&limit=100`)).body.data as { hours: number; note?: string }[];
    expect(entries.find((e) => e.note === note)?.hours).to.equal(0.5);
    await p.locator("table tr", { hasText: note }).getByText("0,5", { exact: true }).waitFor();
  });

  it("text it cannot read is refused with a Dutch message beside the field; nothing is sent", async () => {
    const p = await page("member");
    await openLogTime(p);
    const sent = posts(p, "/time-entries");
    const hours = p.getByLabel("Uren", { exact: true });
    await hours.fill("anderhalf");
    await p.getByRole("button", { name: "Uren boeken" }).click();
    const err = p.getByTestId("lt-hours-error");
    await err.filter({ hasText: "Vul een getal in" }).waitFor();
    expect(await hours.getAttribute("aria-invalid")).to.equal("true");
    expect(await hours.getAttribute("aria-describedby")).to.contain("lt-hours-error");
    await p.waitForFunction(() => document.activeElement?.id === "lt-hours");
    expect(sent, "no request for unreadable hours").to.have.length(0);
  });

  it("the API still refuses non-quarter hours: 1,3 gets a Dutch sentence beside 'Uren', which gets focus", async () => {
    const p = await page("member");
    await openLogTime(p);
    const hours = p.getByLabel("Uren", { exact: true });
    await hours.fill("1,3");
    const sent = posts(p, "/time-entries");
    await p.getByRole("button", { name: "Uren boeken" }).click();
    const err = p.getByTestId("lt-hours-error");
    await err.filter({ hasText: "Uren gaan per kwartier" }).waitFor();
    expect(sent[0]!.postDataJSON()).to.include({ hours: 1.3 });
    expect(await hours.getAttribute("aria-invalid")).to.equal("true");
    await p.waitForFunction(() => document.activeElement?.id === "lt-hours");
    const text = await p.locator("main").innerText();
    expect(text).not.to.match(/Validation failed|body\.|multiple of/);
    await screenshot(p, "forms-log-time-quarter");
  });

  it("a 422 on a new request shows a Dutch sentence beside the expertise picker and focuses it", async () => {
    const p = await page("requester");
    await p.getByRole("link", { name: "Nieuwe aanvraag" }).first().click();
    await p.getByLabel("Korte omschrijving").fill("Uitleg rouwgebruiken");
    await p.getByLabel("Toelichting").fill("Context gevraagd voor een familiegesprek.");
    const sent = posts(p, "/requests");
    await p.getByRole("button", { name: "Aanvraag versturen" }).click();
    const err = p.getByTestId("nr-expertise-error");
    await err.filter({ hasText: "Kies er minstens 1." }).waitFor();
    expect(sent).to.have.length(1);
    const picker = p.getByRole("combobox", { name: "Gevraagde expertise" });
    expect(await picker.getAttribute("aria-invalid")).to.equal("true");
    expect(await picker.getAttribute("aria-describedby")).to.contain("nr-expertise-error");
    await p.waitForFunction(() => document.activeElement?.getAttribute("role") === "combobox");
    const alert = await p.getByRole("alert").innerText();
    expect(alert).to.contain("Niet alles is goed ingevuld");
    expect(await p.locator("main").innerText()).not.to.match(/Validation failed|body\.expertise|Too small/);
    await screenshot(p, "forms-new-request-422");
  });

  it("Enter in the title field moves on to the description instead of sending a half-filled form", async () => {
    const p = await page("requester");
    await p.getByRole("link", { name: "Nieuwe aanvraag" }).first().click();
    const sent = posts(p, "/requests");
    await p.getByLabel("Korte omschrijving").fill("Half ingevuld");
    await p.getByLabel("Korte omschrijving").press("Enter");
    await p.waitForFunction(() => document.activeElement?.id === "nr-description");
    await p.getByLabel("Geschatte uren").press("Enter");
    await p.waitForTimeout(300); // a submit would have fired synchronously on Enter
    expect(sent, "Enter did not submit").to.have.length(0);
    expect(await p.getByRole("alert").count()).to.equal(0);
  });

  it("estimated hours 0,5 are sent as 0.5 and the request shows them", async () => {
    const p = await page("requester");
    await p.getByRole("link", { name: "Nieuwe aanvraag" }).first().click();
    await p.getByLabel("Korte omschrijving").fill("Korte vraag over Somalische rouw (e2e forms)");
    await p.getByLabel("Toelichting").fill("Een half uurtje telefonisch overleg volstaat.");
    const picker = p.getByRole("combobox", { name: "Gevraagde expertise" });
    await picker.fill("rouw");
    await p.locator('[role=option][data-expertise="topic.death-rituals"]').click();
    await p.getByRole("radio", { name: "Gepland" }).check();
    const hours = p.getByLabel("Geschatte uren");
    await hours.fill("0,5");
    await p.getByTestId("nr-hours-echo").filter({ hasText: "0,5 uur" }).waitFor();
    await p.getByLabel("Nodig vóór (optioneel)").fill("31-12-2099 14:30");
    await p.getByTestId("nr-needed-echo").filter({ hasText: "31-12-2099 14:30" }).waitFor();
    await p.getByRole("button", { name: "Aanvraag versturen" }).click();
    await p.waitForURL(/#\/requests\/(?!new$)[^/]+$/);
    const id = decodeURIComponent(p.url().split("#/requests/")[1]!);
    const r = await (await login(service, "requester")).get(`/api/v1/requests/${encodeURIComponent(id)}`);
    expect(r.body.estimatedHours).to.equal(0.5);
    expect(new Date(r.body.neededBy).toISOString()).to.equal("2099-12-31T13:30:00.000Z");
  });
});
