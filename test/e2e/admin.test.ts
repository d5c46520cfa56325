// The admin and auditor screens in Chromium, through labels and roles: create a user, change roles and unit,
// deactivate, reset a password; create an API key (shown once), see its last use, revoke it (it stops working
// at once); the auditor filters the trail and exports it.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { anonymous, login } from "../helpers/http";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

const stamp = Date.now().toString(36);

describe("e2e: admin users and API keys, the auditor's trail (Chromium)", function () {
  this.timeout(180_000);
  let service: Service;
  let browser: Browser;

  useBrowser((s, b) => {
    service = s;
    browser = b;
  });

  async function pageAs(user: string): Promise<Page> {
    const p = await (await newContext(browser, service.url)).newPage();
    p.on("dialog", (d) => void d.accept());
    await signIn(p, user);
    return p;
  }

  it("the admin creates a user, gives roles, unit and scope, resets the password and deactivates them", async () => {
    const p = await pageAs("admin");
    await p.waitForURL(/#\/admin\/users$/);
    await p.getByText("Nieuwe gebruiker").click();
    const form = p.getByRole("form", { name: "Nieuwe gebruiker" });
    await form.getByLabel("Gebruikersnaam").fill(`adm${stamp}`);
    await form.getByLabel("Naam", { exact: true }).fill(`Anna Beheer ${stamp}`);
    await form.getByLabel("Wachtwoord (minstens 8 tekens)").fill("eerste-wachtwoord-1");
    await form.getByRole("checkbox", { name: "Coördinator" }).check();
    await form.getByLabel("Eenheid", { exact: true }).selectOption("limburg");
    await form.getByRole("group", { name: "Coördinator voor eenheden" }).getByRole("checkbox", { name: "Limburg" }).check();
    await form.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await p
      .locator(".alert")
      .filter({ hasText: `Anna Beheer ${stamp} is aangemaakt` })
      .waitFor();

    await p.getByLabel("Zoek op naam of gebruikersnaam").fill(stamp);
    await p.getByRole("button", { name: `Anna Beheer ${stamp} wijzigen` }).click();
    const edit = p.getByRole("form", { name: `Anna Beheer ${stamp} wijzigen` });
    await edit.getByRole("checkbox", { name: "Auditor" }).check();
    await edit.getByRole("button", { name: "Opslaan" }).click();
    await p.locator(".alert").filter({ hasText: "Opgeslagen" }).waitFor();
    const admin = await login(service, "admin");
    const stored = (await admin.get(`/api/v1/admin/users?q=adm${stamp}`)).body.data[0];
    expect(stored.roles).to.have.members(["requester", "coordinator", "auditor"]);
    expect(stored.scope.units).to.deep.equal(["limburg"]);
    expect(stored.unitId).to.equal("limburg");

    await p.getByLabel("Nieuw wachtwoord").fill("tweede-wachtwoord-2");
    await p.getByRole("button", { name: "Wachtwoord opnieuw instellen" }).click();
    await p.locator(".alert").filter({ hasText: "opnieuw ingesteld" }).waitFor();
    expect((await anonymous(service).post("/api/v1/auth/login", { username: `adm${stamp}`, password: "tweede-wachtwoord-2" })).status).to.equal(200);
    await screenshot(p, "admin-user-edit");
    await p.getByRole("button", { name: "Deactiveren" }).click();
    await p.locator(".alert").filter({ hasText: "gedeactiveerd" }).waitFor();
    expect((await anonymous(service).post("/api/v1/auth/login", { username: `adm${stamp}`, password: "tweede-wachtwoord-2" })).status).to.not.equal(200);
    await p.context().close();
  });

  it("the admin creates an API key (shown once), sees its last use and revokes it: it stops working at once", async () => {
    const p = await pageAs("admin");
    await p.getByRole("link", { name: "API-sleutels" }).click();
    await p.getByLabel("Naam").fill(`telefonie-${stamp}`);
    await p.getByRole("button", { name: "Sleutel aanmaken" }).click();
    const shown = p.getByTestId("new-key");
    const key = (await shown.locator("code").innerText()).trim();
    expect(key).to.match(/^ndv_/);
    const call = () => anonymous(service).request("POST", "/api/v1/helpline/calls/e2e-admin/outcome", { outcome: "answered" }, { "X-Api-Key": key });
    expect((await call()).status).to.not.equal(401);
    await p.reload();
    await p.getByRole("heading", { level: 1, name: "API-sleutels" }).waitFor();
    expect(await p.getByText(key).count(), "the key is shown only once").to.equal(0);
    const row = p.locator(`tr[data-key="telefonie-${stamp}"]`);
    expect(await row.innerText()).to.not.contain("nooit"); // last use shown
    await screenshot(p, "admin-api-keys");
    await row.getByRole("button", { name: `Sleutel telefonie-${stamp} intrekken` }).click();
    await p.locator(".alert").filter({ hasText: "is ingetrokken" }).waitFor();
    expect((await call()).status).to.equal(401);
    await p.context().close();
  });

  it("the auditor filters the trail by what and exports it as CSV", async () => {
    const p = await pageAs("auditor");
    await p.waitForURL(/#\/audit$/);
    await p.getByLabel("Wat").selectOption("revoke");
    await p.getByRole("button", { name: "Filteren" }).click();
    const table = p.getByTestId("audit-trail");
    await table.getByText("api-key").first().waitFor();
    // The unfiltered rows are on screen until the filtered answer arrives: wait for that answer.
    await p
      .waitForFunction(
        () => {
          const cells = Array.from(document.querySelectorAll('[data-testid="audit-trail"] tbody tr td:nth-child(3)'));
          return cells.length > 0 && cells.every((c) => c.textContent === "revoke");
        },
        undefined,
        { timeout: 15_000 },
      )
      .catch(() => undefined); // the assertion below then names what was shown instead
    const actions = await table.locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(actions.length).to.be.greaterThan(0);
    expect(new Set(actions)).to.deep.equal(new Set(["revoke"]));
    await screenshot(p, "auditor-filtered");
    const href = await p.getByRole("link", { name: "Exporteren (CSV)" }).getAttribute("href");
    expect(href).to.contain("action=revoke");
    const res = await p.request.get(href!);
    expect(res.status()).to.equal(200);
    const text = await res.text();
    expect(text.split("\r\n")[0]).to.contain(`"tijdstip";"actor";"rollen";"actie"`);
    expect(text).to.contain(`;"revoke";"api-key";`);
    await p.context().close();
  });
});
