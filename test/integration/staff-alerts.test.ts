// Issue 13 item 6 with a real SMTP server (Mailpit): coordinators get stuck/unfilled requests and
// budget alerts for their own units and networks only, at once or in the 07:00 digest; planners
// get the coverage gaps each morning and at once when a removed shift leaves a gap. No mail
// carries a request's title or text, an expertise, or anyone's name. The clock is injected.
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { StaffAlert } from "../../api/src/models/staff-alert";
import { Job } from "../../api/src/models/job";
import { Request } from "../../api/src/models/request";
import { findUpcomingGaps } from "../../api/src/usecases/helpline/coverage";
import { nextDigestRun } from "../../api/src/domain/staff-alerts";
import { Client, login } from "../helpers/http";
import { waitFor } from "../helpers/core";
import { startStack } from "../helpers/stack";
import { Mailpit, mailpitAvailable, type MailpitFull } from "../helpers/mailpit";

const stamp = Date.now().toString(36);
let n = 0;

describe("staff alerts and digests by e-mail (Mailpit)", function () {
  this.timeout(120_000);
  let mailpit: Mailpit;
  let service: Service;
  let admin: Client;
  let t = new Date("2026-06-10T10:00:00+02:00").getTime(); // a Wednesday, 10:00 in Amsterdam
  let stuck: { id: string; number: string; coordinatorEmail: string } | undefined;
  const now = () => new Date(t);

  before(async function () {
    if (!mailpitAvailable()) {
      console.log("    (skipped: .bin/mailpit not built — run npm install with a Go toolchain)");
      this.skip();
    }
    mailpit = await Mailpit.start();
    service = await startStack({ SMTP_URL: mailpit.smtpUrl, DEMO_MEMBERS: "0", PUBLIC_URL: "https://ndv.politie.example" }, { now });
    admin = await login(service, "admin");
  });
  after(async () => {
    await service?.stop();
    await mailpit?.stop();
  });

  async function account(roles: string[], unitId: string, scope?: { units: string[]; networks: string[] }) {
    const username = `sa${stamp}${n++}`;
    const email = `${username}@politie.example`;
    const name = `Naam${username}`;
    const res = await admin.post("/api/v1/admin/users", { username, password: "test-password-1", name, email, roles, unitId, ...(scope ? { scope } : {}) });
    expect(res.status, res.text).to.equal(201);
    return {
      username,
      email,
      name,
      id: res.body.id as string,
      memberId: res.body.memberId as string | undefined,
      client: await login(service, username, "test-password-1"),
    };
  }

  async function mailsTo(address: string, count: number): Promise<MailpitFull[]> {
    const list = await waitFor(async () => {
      const m = await mailpit.messagesTo(address);
      return m.length >= count ? m : null;
    }, `${count} mail(s) to ${address}`);
    return Promise.all(list.map((m) => mailpit.message(m.ID)));
  }

  it("a request nobody can take reaches the coordinator of its unit at once, and not the coordinator of another unit", async () => {
    const rotterdam = await account(["coordinator"], "rotterdam", { units: ["rotterdam"], networks: [] });
    const limburg = await account(["coordinator"], "limburg", { units: ["limburg"], networks: [] });
    const requester = await login(service, "requester");
    const q = {
      title: "Geheime titel Somalische familie",
      description: "Familierechercheur, burger Jan Jansen, 0612345678: uitleg over rouwgebruiken.",
      expertise: ["culture.somali", "religion.islam"],
      languages: ["zu"], // nobody speaks it: no candidates at all
      urgency: "today",
      mode: "phone",
      unitId: "rotterdam",
      estimatedHours: 2,
    };
    const created = await requester.post("/api/v1/requests", q);
    expect(created.status, created.text).to.equal(201);
    const [mail] = await mailsTo(rotterdam.email, 1);
    const number = created.body.number as string;
    stuck = { id: created.body.id, number, coordinatorEmail: rotterdam.email };
    expect(mail!.Subject).to.equal(`NDV: aanvraag ${number} vindt niemand`);
    expect(mail!.Text).to.include(number).and.include("Rotterdam").and.include("vandaag");
    expect(mail!.Text).to.include(`https://ndv.politie.example/#/requests/${created.body.id}`);
    for (const secret of [q.title, "Geheime", "Somali", "Jansen", "0612345678", "rouw", "Islam", "islam", "Sanne", rotterdam.name]) {
      expect(mail!.Text, secret).to.not.include(secret);
      expect(mail!.HTML, secret).to.not.include(secret);
    }
    // Every covering coordinator has the alert (this one and the demo coordinator of Rotterdam and Amsterdam);
    // the other unit's coordinator has no alert, so no mail can follow.
    const key = `request-unanswered:${created.body.id}`;
    await waitFor(async () => (await StaffAlert.countDocuments({ key })) === 2, "both covering coordinators' alerts");
    expect(await mailpit.messagesTo(limburg.email)).to.have.length(0);
    expect(await StaffAlert.countDocuments({ userId: limburg.id })).to.equal(0);
  });

  it("a budget alert (80 %) goes to the coordinator covering the member's network, not to others", async () => {
    const rib = await account(["coordinator"], "amsterdam", { units: [], networks: ["roze-in-blauw"] });
    const other = await account(["coordinator"], "zeeland-west-brabant", { units: ["zeeland-west-brabant"], networks: ["ndv"] });
    const member = await account(["member"], "oost-brabant");
    // The event as checkBudgetAlerts raises it for a member of Oost-Brabant in Roze in Blauw.
    service.deps.notifier.emit({ members: [member.memberId!], scope: { unitId: "oost-brabant", networks: ["roze-in-blauw"] } }, "budget:alert", {
      memberId: member.memberId,
      name: member.name,
      year: 2026,
      level: 80,
      allotted: 120,
      used: 96.5,
      remaining: 23.5,
    });
    const [mail] = await mailsTo(rib.email, 1);
    expect(mail!.Subject).to.equal("NDV: budgetsignaal 80 %");
    expect(mail!.Text).to.include("80 %").and.include("Oost-Brabant").and.include("96,5 van 120 uur").and.not.include(member.name);
    expect(mail!.Text).to.include("https://ndv.politie.example/#/coord/budgets");
    const key = `budget:${member.memberId}:2026:80`;
    await waitFor(async () => (await StaffAlert.countDocuments({ key })) === 2, "alerts of both coordinators of Roze in Blauw"); // this one and the demo coordinator
    expect(await StaffAlert.countDocuments({ userId: other.id })).to.equal(0);
    expect(await mailpit.messagesTo(other.email)).to.have.length(0);
  });

  it("planners get the 7-day coverage gaps in the morning report", async () => {
    const planner = await account(["helpline-planner"], "landelijke-eenheid");
    await findUpcomingGaps(service.deps); // what the 06:00 job runs
    const [mail] = await mailsTo(planner.email, 1);
    expect(mail!.Subject).to.equal("NDV: bezetting hulplijn");
    expect(mail!.Text).to.match(/gat(en)? in de bezetting van de hulplijn in de komende 7 dagen/);
    expect(mail!.Text).to.match(/wo 10-06-2026 10:00 – /); // Dutch day, dd-mm-jjjj, 24 h, Amsterdam time
  });

  it("removing a shift mails the planners at once about the gap it leaves", async () => {
    const planner = await account(["helpline-planner"], "landelijke-eenheid");
    const demoPlanner = await login(service, "planner");
    const memberId = (await (await login(service, "member")).get("/api/v1/auth/me")).body.memberId as string;
    const start = new Date(t + 26 * 3_600_000); // tomorrow 12:00
    const end = new Date(start.getTime() + 4 * 3_600_000);
    const made = await demoPlanner.post("/api/v1/helpline/shifts", { memberId, start: start.toISOString(), end: end.toISOString() });
    expect(made.status, made.text).to.equal(201);
    await mailpit.clear();
    const del = await demoPlanner.delete(`/api/v1/helpline/shifts/${made.body.id}`);
    expect(del.status, del.text).to.be.oneOf([200, 204]);
    const [mail] = await mailsTo(planner.email, 1);
    expect(mail!.Subject).to.equal("NDV: dienst verwijderd, bezetting hulplijn");
    expect(mail!.Text).to.include("do 11-06-2026 12:00 – do 11-06-2026 16:00");
    expect(mail!.Text).to.not.include("Yusuf").and.not.include("Abdi");
  });

  it("a coordinator on the daily digest gets nothing at once, then one digest at 07:00", async function () {
    const coord = await account(["coordinator"], "den-haag", { units: ["den-haag"], networks: [] });
    const put = await coord.client.put("/api/v1/notification-preferences/me", {
      channels: { acute: ["email"], today: ["email"], planned: ["email"] },
      quietHours: null,
      acuteAtNight: true,
      language: "en",
      digest: "daily",
    });
    if (put.status === 404) this.skip(); // the preferences API comes with the notify branch
    expect(put.status, put.text).to.equal(200);
    for (const level of [80, 100]) {
      service.deps.notifier.emit({ members: ["m1"], scope: { unitId: "den-haag", networks: [] } }, "budget:alert", {
        memberId: "m1",
        year: 2026,
        level,
        allotted: 100,
        used: level,
      });
    }
    await waitFor(async () => (await StaffAlert.countDocuments({ userId: coord.id })) === 2, "two alerts stored");
    expect(await StaffAlert.countDocuments({ userId: coord.id, mode: "daily" })).to.equal(2);
    expect(await Job.countDocuments({ key: `staff.send.immediate.${coord.id}` })).to.equal(0); // nothing queued to go at once
    expect(await mailpit.messagesTo(coord.email)).to.have.length(0);
    const digest = await Job.findOne({ key: "staff.digest.daily" }).lean();
    expect(digest!.runAt.toISOString()).to.equal("2026-06-11T05:00:00.000Z"); // 07:00 in Amsterdam (CEST)
    expect(digest!.runAt.getTime()).to.equal(nextDigestRun(now()).getTime());
    t = digest!.runAt.getTime() + 1000;
    const [mail] = await mailsTo(coord.email, 1);
    expect(mail!.Subject).to.equal("NDV: daily digest (2 alerts)");
    expect(mail!.Text).to.include("80 %").and.include("100 %").and.include("Den Haag");
  });

  it("a coordinator who turned alerts off gets nothing stored and nothing mailed", async () => {
    const coord = await account(["coordinator"], "limburg", { units: ["noord-holland"], networks: [] });
    const put = await coord.client.put("/api/v1/notification-preferences/me", {
      channels: { acute: ["email"], today: ["email"], planned: ["email"] },
      quietHours: null,
      acuteAtNight: true,
      language: "nl",
      digest: "off",
    });
    expect(put.status, put.text).to.equal(200);
    const watcher = await account(["coordinator"], "noord-holland", { units: ["noord-holland"], networks: [] });
    service.deps.notifier.emit({ members: ["m2"], scope: { unitId: "noord-holland", networks: [] } }, "budget:alert", {
      memberId: "m2",
      year: 2026,
      level: 100,
      allotted: 100,
      used: 101,
    });
    await mailsTo(watcher.email, 1); // the event was handled: a colleague on "at once" got it
    expect(await StaffAlert.countDocuments({ userId: coord.id })).to.equal(0);
    expect(await mailpit.messagesTo(coord.email)).to.have.length(0);
  });

  it("when the coordinators' hour passes with nobody found, the request is unfilled and the coordinator hears that too", async () => {
    expect(stuck, "the stuck request of the first test").to.not.equal(undefined);
    t += 2 * 3_600_000; // past the coordinators' step ("today": 1 hour)
    await waitFor(async () => (await Request.findById(stuck!.id).lean())?.status === "unfilled", "the request to be unfilled");
    // (an earlier test cleared Mailpit, so look for this mail among whatever is there)
    const unfilled = await waitFor(async () => {
      const list = await mailpit.messagesTo(stuck!.coordinatorEmail);
      const m = list.find((x) => x.Subject === `NDV: aanvraag ${stuck!.number} niet vervuld`);
      return m ? mailpit.message(m.ID) : null;
    }, "the unfilled mail");
    expect(unfilled!.Text).to.include(`https://ndv.politie.example/#/requests/${stuck!.id}`).and.not.include("Geheime");
  });
});
