// Issue 10, defects 3–7, in Debian's Chromium through labels and roles: the view made for each person on the
// request page, the privacy check before sending (and the edit after), the escalation ladder with escalate-now
// and cancel, stuck requests first, name search with an empty state, and multi-select approval.
import { expect } from "chai";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { Request } from "../../api/src/models/request";
import { Offer } from "../../api/src/models/offer";
import { Client, login } from "../helpers/http";
import { pendingOffer, waitFor } from "../helpers/core";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

const stamp = Date.now().toString(36);
let n = 0;

describe("e2e: a view for each person, privacy check, escalation, name search, bulk approval (Chromium)", function () {
  this.timeout(240_000);
  let service: Service;
  let browser: Browser;
  let admin: Client;

  useBrowser(async (s, b) => {
    service = s;
    browser = b;
    admin = await login(service, "admin");
  });

  /** A real account made through the admin API; members get a profile with a rare language, so only they match. */
  async function account(spec: { roles: string[]; unitId: string; name: string; phone?: string; email?: string; language?: string }) {
    const username = `v${stamp}${n++}`;
    const res = await admin.post("/api/v1/admin/users", {
      username,
      password: "test-password-1",
      name: spec.name,
      roles: spec.roles,
      unitId: spec.unitId,
      ...(spec.phone ? { phone: spec.phone } : {}),
      ...(spec.email ? { email: spec.email } : {}),
    });
    if (res.status !== 201) throw new Error(res.text);
    const client = await login(service, username, "test-password-1");
    if (spec.language)
      await client.put("/api/v1/members/me", {
        expertise: [{ id: "culture.somali", level: 3, visible: true }],
        languages: ["nl", spec.language],
        consent: { shareExpertise: true },
      });
    return { username, client, id: res.body.id as string, memberId: res.body.memberId as string | undefined };
  }

  async function pageAs(username: string, password = "test-password-1"): Promise<Page> {
    const p = await (await newContext(browser, service.url)).newPage();
    p.on("dialog", (d) => void d.accept());
    await signIn(p, username, password);
    return p;
  }

  const question = (language: string, extra: Record<string, unknown> = {}) => ({
    title: "Rouwgebruiken Somalische familie",
    description: "Familierechercheur zoekt uitleg over rouwgebruiken.",
    expertise: ["culture.somali"],
    languages: [language],
    urgency: "planned",
    mode: "phone",
    unitId: "amsterdam",
    estimatedHours: 2,
    ...extra,
  });

  it("3: the member with an offer, the assignee, the requester and the coordinator each get their own view", async () => {
    const requester = await account({
      roles: ["requester"],
      unitId: "amsterdam",
      name: "Ria Aanvraag",
      phone: "+31 6 5555 1234",
      email: "ria.aanvraag@politie.example",
    });
    const member = await account({ roles: ["member"], unitId: "amsterdam", name: "Mo Helper", language: "ky" });
    const id = (await requester.client.post("/api/v1/requests", question("ky"))).body.id as string;
    await waitFor(() => pendingOffer(member.client, id), "the offer");

    const m = await pageAs(member.username);
    await m.goto(`/#/requests/${id}`);
    // A pending offer: the question and accept/decline, no error.
    await m.getByTestId("offer-view").getByText("Familierechercheur zoekt uitleg").waitFor();
    await screenshot(m, "views-member-offer");
    await m.getByRole("button", { name: "Accepteren" }).click();
    // The assignee: the requester's name, unit, phone and e-mail; the text; the completion form; no candidates.
    const who = m.getByRole("complementary").filter({ has: m.getByRole("heading", { name: "Aanvrager" }) });
    await who.getByText("Ria Aanvraag").waitFor();
    expect(await who.innerText())
      .to.contain("+31 6 5555 1234")
      .and.contain("ria.aanvraag@politie.example")
      .and.contain("Amsterdam");
    expect(await m.getByRole("link", { name: "+31 6 5555 1234" }).getAttribute("href")).to.equal("tel:+31655551234");
    await m.getByText("Familierechercheur zoekt uitleg").waitFor();
    expect(await m.getByRole("heading", { name: "Kandidaten" }).count()).to.equal(0);
    expect(await m.getByText("Forbidden").count()).to.equal(0);
    expect(await m.getByText("Uw contactpersoon").count()).to.equal(0);
    await screenshot(m, "views-assignee");
    const form = m.getByRole("form", { name: "Inzet afronden" });
    await form.getByLabel("Bestede uren").fill("2");
    await form.getByRole("button", { name: "Afronden" }).click();
    await m.locator(".alert").filter({ hasText: "De inzet is afgerond" }).waitFor();

    // The requester sees the assignee (not themselves) and the candidates block.
    const r = await pageAs(requester.username);
    await r.goto(`/#/requests/${id}`);
    const contact = r.getByRole("complementary").filter({ has: r.getByRole("heading", { name: "Uw contactpersoon" }) });
    await contact.getByText("Mo Helper").waitFor();
    await r.getByRole("heading", { name: "Kandidaten" }).waitFor();

    // The coordinator in scope: the colleague who took it, and the candidates.
    const c = await pageAs("coordinator", "demo");
    await c.goto(`/#/requests/${id}`);
    await c.getByRole("heading", { name: "Collega die de aanvraag oppakt" }).waitFor();
    await c.getByText("Mo Helper").waitFor();
    await c.getByRole("heading", { name: "Kandidaten" }).waitFor();
    await Promise.all([m, r, c].map((p) => p.context().close()));
  });

  it("4: a phone number and a name removed before sending never reach the offer; an edit reaches the offered member", async () => {
    const requester = await account({ roles: ["requester"], unitId: "amsterdam", name: "Priva Check" });
    const member = await account({ roles: ["member"], unitId: "amsterdam", name: "Pim Lid", language: "kk" });
    const p = await pageAs(requester.username);
    await p.goto("/#/requests/new");
    await p.getByLabel("Korte omschrijving").fill("Uitleg rouwgebruiken");
    await p.getByLabel("Toelichting").fill("Bel mevrouw Jansen op 06-12345678 voor een afspraak.");
    const check = p.getByRole("region", { name: "Mogelijk persoonsgegevens van een burger" });
    await check.getByText("06-12345678").waitFor();
    await screenshot(p, "views-privacy-check");
    await check.getByRole("button", { name: "Verwijder 06-12345678 uit de tekst" }).click();
    await check.getByRole("button", { name: "Verwijder Jansen uit de tekst" }).click();
    await check.waitFor({ state: "detached" });
    expect(await p.getByLabel("Toelichting").inputValue()).to.equal("Bel mevrouw op voor een afspraak.");
    const picker = p.getByRole("combobox", { name: "Gevraagde expertise" });
    await picker.fill("somalie");
    await p.locator('[role=option][data-expertise="culture.somali"]').click();
    await p.getByLabel("Gewenste taal").fill("kk");
    await p.getByLabel("Eenheid").selectOption("amsterdam");
    await p.getByRole("radio", { name: "Gepland" }).check();
    await p.getByRole("button", { name: "Aanvraag versturen" }).click();
    await p.waitForURL(/#\/requests\/(?!new$)[^/]+$/);
    const id = decodeURIComponent(p.url().split("#/requests/")[1]!);
    const offer = await waitFor(() => pendingOffer(member.client, id), "the offer");
    expect(JSON.stringify(offer)).to.not.contain("12345678").and.not.contain("Jansen");
    expect(offer.request.description).to.equal("Bel mevrouw op voor een afspraak.");

    // While open, the requester edits the text; the offered member sees the new text on the offer card.
    const m = await pageAs(member.username);
    await m.getByTestId("offer-description").filter({ hasText: "Bel mevrouw op" }).waitFor();
    await p.getByRole("button", { name: "Tekst wijzigen" }).click();
    await p.getByLabel("Toelichting").fill("Bel de wijkagent, of mail fam@example.nl.");
    await p.getByRole("button", { name: "Verwijder fam@example.nl uit de tekst" }).click();
    await p.getByRole("button", { name: "Wijziging opslaan" }).click();
    await p.locator(".alert").filter({ hasText: "De tekst is gewijzigd" }).waitFor();
    await m.getByTestId("offer-description").filter({ hasText: "Bel de wijkagent, of mail" }).waitFor();
    expect(await m.getByText("fam@example.nl").count()).to.equal(0);
    await Promise.all([m, p].map((x) => x.context().close()));
  });

  it("5: the requester sees the ladder and the next step's time, escalates now and can cancel; coordinators see stuck requests first", async () => {
    const requester = await account({ roles: ["requester"], unitId: "amsterdam", name: "Ladder Vraag" });
    await account({ roles: ["member"], unitId: "amsterdam", name: "Lokaal Lid", language: "tg" });
    await account({ roles: ["member"], unitId: "limburg", name: "Ver Lid", language: "tg" });
    const id = (await requester.client.post("/api/v1/requests", question("tg"))).body.id as string;
    // The round is complete once its offer is out (the step is claimed first, the next step's job and offers follow).
    await waitFor(
      async () => ((await Request.findById(id).lean())?.escalationStep === "local" && (await Offer.exists({ requestId: id })) ? true : null),
      "local round",
    );
    const p = await pageAs(requester.username);
    await p.goto(`/#/requests/${id}`);
    const ladder = p.getByRole("navigation", { name: "Waar de aanvraag nu is" });
    expect(await ladder.locator("[aria-current=step]").innerText()).to.contain("Eigen eenheid");
    expect(await ladder.getByTestId("next-step").innerText()).to.match(/^Volgende stap \(Landelijk\): .*\d{2}:\d{2}/);
    await screenshot(p, "views-ladder");
    await p.getByRole("button", { name: "Zoek nu landelijk" }).click();
    await p.locator(".alert").filter({ hasText: "doorgezet naar de volgende stap" }).waitFor();
    await ladder.locator("[aria-current=step]").filter({ hasText: "Landelijk" }).waitFor();
    await p.getByRole("button", { name: "Aanvraag annuleren" }).click();
    await p.locator("[data-testid=request-status] [data-status=cancelled]").waitFor();

    // A request nobody took, now with the coordinators: first on the dashboard, marked.
    const stuck = (await requester.client.post("/api/v1/requests", question("tg", { title: `Vastgelopen ${stamp}` }))).body.id as string;
    // After its first round went out (so that round cannot overwrite this), put it at the coordinators' step.
    await waitFor(
      async () => ((await Request.findById(stuck).lean())?.escalationStep === "local" && (await Offer.exists({ requestId: stuck })) ? true : null),
      "first round",
    );
    await Request.updateOne({ _id: stuck }, { $set: { escalationStep: "coordinators", status: "offered" }, $inc: { dispatchRound: 1 } });
    const c = await pageAs("coordinator", "demo");
    await c.getByTestId("stuck-note").waitFor();
    const first = c.getByTestId("coord-requests").getByRole("listitem").first();
    expect(await first.innerText()).to.contain("Vastgelopen");
    await screenshot(c, "views-coordinator-stuck-first");
    await Request.updateOne({ _id: stuck }, { $set: { status: "cancelled" } });
    await Promise.all([p, c].map((x) => x.context().close()));
  });

  it("6: the pool member search finds people by name and says when nothing matched", async () => {
    const hodan = await account({ roles: ["member"], unitId: "rotterdam", name: `Hodan Zoeklid` });
    // The directory's snapshot picks up a new member within seconds.
    const coordinator = await login(service, "coordinator");
    await waitFor(
      async () => ((await coordinator.get("/api/v1/members?q=Hodan%20Zoek")).body.data as { id: string }[]).some((r) => r.id === hodan.memberId) || null,
      "the API finds Hodan Zoeklid",
      30_000,
    );
    const c = await pageAs("coordinator", "demo");
    await c.getByRole("link", { name: "Pools" }).click();
    await c.getByRole("heading", { level: 1 }).waitFor();
    await c.getByRole("button", { name: /leden/i }).first().click();
    const search = c.getByLabel("Lid zoeken (naam, expertise)");
    await search.fill("Yusuf Abdi");
    const results = c.getByRole("list", { name: "Zoekresultaten" });
    await results.getByText("Yusuf Abdi").first().waitFor();
    await search.fill("Hodan Zoek");
    await results.getByText("Hodan Zoeklid").waitFor();
    await search.fill("Qwxzv");
    await c.getByRole("status").and(c.getByTestId("no-results")).filter({ hasText: "Geen resultaten voor ‘Qwxzv’" }).waitFor();
    await screenshot(c, "views-pool-search-empty");
    await c.context().close();
  });

  it("7: approving 20 selected entries takes one click and gives one summary, with each member's budget per row", async () => {
    const day = (k: number) =>
      DateTime.now()
        .setZone("Europe/Amsterdam")
        .minus({ days: 20 + k })
        .toISODate()!;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await account({ roles: ["member"], unitId: "rotterdam", name: `Bulk Lid ${stamp} ${i}` });
      for (let d = 0; d < 4; d++) {
        const r = await m.client.post("/api/v1/time-entries", { date: day(i * 4 + d), hours: 5, category: "operational" });
        if (r.status !== 201 || r.body.status !== "pending") throw new Error(r.text);
        ids.push(r.body.id);
      }
    }
    const c = await pageAs("coordinator", "demo");
    await c.getByRole("link", { name: "Goedkeuren" }).click();
    const table = c.getByTestId("approval-queue");
    await table.waitFor();
    for (const id of ids) {
      const row = table.locator(`tr[data-entry-id="${id}"]`);
      // The budgets load beside the queue ("–" until they are in): wait for them, then read.
      await row
        .locator("[data-col=budget]")
        .getByText(/uur, nog/)
        .waitFor();
      expect(await row.locator("[data-col=budget]").innerText()).to.match(/[\d,.]+ \/ [\d,.]+ uur, nog/);
      await row.getByRole("checkbox").check();
    }
    const approve = c.getByRole("button", { name: "Keur geselecteerde goed (20)" });
    const requests: string[] = [];
    c.on("request", (r) => {
      if (r.url().includes("/time-entries/") && r.method() === "POST") requests.push(r.url());
    });
    await approve.click();
    const summary = c.getByTestId("bulk-summary");
    // One request; the server still checks each entry one by one, which takes a while on a busy machine.
    await summary.getByText("20 goedgekeurd, 0 niet goedgekeurd").waitFor({ timeout: 150_000 });
    expect(requests).to.have.length(1); // one request for all twenty
    await screenshot(c, "views-bulk-approval");
    for (const id of ids) expect(await table.locator(`tr[data-entry-id="${id}"]`).count()).to.equal(0);
    await c.context().close();
  });

  it("also: 'Mijn aanvragen' shows the NDV number, and a gap on the planner page prefills the shift form", async () => {
    const requester = await account({ roles: ["requester"], unitId: "amsterdam", name: "Nummer Vraag" });
    const created = await requester.client.post("/api/v1/requests", question("ug"));
    const r = await pageAs(requester.username);
    await r.getByRole("link", { name: new RegExp(`${created.body.number} · Rouwgebruiken`) }).waitFor();
    await r.context().close();

    const p = await pageAs("planner", "demo");
    await p.waitForURL(/#\/helpline$/);
    await p.getByText(/onbezette periodes$/).click();
    const gap = p.getByRole("button", { name: /^Dienst invullen voor / }).first();
    const label = (await gap.getAttribute("aria-label"))!;
    await gap.click();
    // The form is filled after the click has rendered: wait for it instead of racing React.
    await p.waitForFunction(() => (document.getElementById("as-start") as HTMLInputElement | null)?.value !== "");
    const start = await p.getByLabel("Begin", { exact: true }).inputValue();
    const end = await p.getByLabel("Einde", { exact: true }).inputValue();
    // Shown as dd-mm-jjjj uu:mm (Dutch, 24 h); compare as yyyymmddhhmm.
    expect(start, label).to.match(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    const sortable = (v: string) => v.replace(/^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/, "$3$2$1$4$5");
    expect(sortable(end) > sortable(start), `${start} → ${end}`).to.equal(true);
    // The form now holds the gap the planner clicked: its start time appears in the button's label.
    expect(label).to.contain(start.slice(11, 16));
    await p.context().close();
  });
});
