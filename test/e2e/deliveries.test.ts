// Issue 13 item 7 in Debian's Chromium: a coordinator in scope sees on the request page who was reached how
// (pseudonymous), in Dutch; the requester does not get that section.
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import type { Service } from "../../api/src/bootstrap";
import { Delivery } from "../../api/src/models/delivery";
import { Client, login } from "../helpers/http";
import { freshMembers, waitFor } from "../helpers/core";
import { newContext, screenshot, signIn, useBrowser } from "./browser";

describe("e2e: deliveries on the request page (Chromium)", function () {
  this.timeout(240_000);
  let service: Service;
  let browser: Browser;
  let admin: Client;

  useBrowser(async (s, b) => {
    service = s;
    browser = b;
    admin = await login(service, "admin");
  });

  async function pageAs(username: string): Promise<Page> {
    const p = await (await newContext(browser, service.url)).newPage();
    await signIn(p, username);
    return p;
  }

  it("the coordinator sees the e-mail delivery and why it failed (no SMTP server on this stack), without names", async () => {
    const [m] = await freshMembers(admin, service, 1, { unitId: "amsterdam", language: "se" });
    const requester = await login(service, "requester");
    const created = await requester.post("/api/v1/requests", {
      title: "Uitleg rouwgebruiken",
      description: "Vraag van de familie.",
      expertise: ["culture.somali"],
      languages: ["se"],
      urgency: "planned",
      mode: "phone",
      unitId: "amsterdam",
      estimatedHours: 2,
    });
    const id = created.body.id as string;
    await waitFor(async () => (await Delivery.countDocuments({ requestId: id })) > 0, "the delivery record");

    const c = await pageAs("coordinator");
    await c.goto(`/#/requests/${id}`);
    const section = c.getByRole("region", { name: "Bereikt via push en e-mail" });
    await section.getByRole("table").waitFor();
    const text = await section.innerText();
    expect(text).to.contain("E-mail").and.to.contain("Mislukt").and.to.contain("e-mail off");
    expect(text).to.not.contain(m!.name);
    await screenshot(c, "deliveries-coordinator");

    const r = await pageAs("requester");
    await r.goto(`/#/requests/${id}`);
    await r.getByRole("heading", { name: /Uitleg rouwgebruiken/ }).waitFor();
    expect(await r.getByRole("region", { name: "Bereikt via push en e-mail" }).count()).to.equal(0);
  });
});
