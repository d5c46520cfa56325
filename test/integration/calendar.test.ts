// Calendar feeds, parsed by an independent iCalendar parser (node-ical): right local times on both
// sides of the autumn DST change, no case text, first names only, and token rotation.
import { expect } from "chai";
import nodeIcal from "node-ical";
import { DateTime } from "luxon";
import type { Service } from "../../api/src/bootstrap";
import { Member } from "../../api/src/models/member";
import { Request } from "../../api/src/models/request";
import { startStack, stopSharedStack } from "../helpers/stack";
import { Client, login, newUser } from "../helpers/http";

const ZONE = "Europe/Amsterdam";
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm");

async function fetchIcs(url: string) {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

function events(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((e): e is nodeIcal.VEvent => e?.type === "VEVENT")
    .map((e) => ({ summary: String(e.summary), start: e.start as Date, end: e.end as Date }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

describe("calendar feeds", function () {
  this.timeout(120_000);
  let s: Service;
  let alex: { client: Client; memberId: string };

  before(async () => {
    await stopSharedStack();
    s = await startStack({ DEMO_MEMBERS: "0" }, { now: () => new Date("2026-10-20T10:00:00Z") });
    const planner = await login(s, "planner");
    const u = await newUser(s, { roles: ["member"], unitId: "midden-nederland", networks: ["ndv", "roze-in-blauw"], name: "Alex van Dijk" });
    alex = { client: u.client, memberId: u.memberId! };
    await Member.updateOne({ _id: u.memberId }, { $set: { phone: "+31655555555" } });
    const bram = await newUser(s, { roles: ["member"], networks: ["roze-in-blauw"], name: "Bram de Boer" });
    for (const [memberId, start, end] of [
      [alex.memberId, "2026-10-23T06:00:00Z", "2026-10-23T14:00:00Z"], // Friday 08:00–16:00 CEST
      [alex.memberId, "2026-10-24T20:00:00Z", "2026-10-25T04:00:00Z"], // Saturday 22:00 CEST → Sunday 05:00 CET (8 h elapsed)
      [alex.memberId, "2026-10-26T07:00:00Z", "2026-10-26T15:00:00Z"], // Monday 08:00–16:00 CET
      [bram.memberId, "2026-10-26T15:00:00Z", "2026-10-26T23:00:00Z"],
      [alex.memberId, "2027-03-27T21:00:00Z", "2027-03-28T05:00:00Z"], // spring: Saturday 22:00 CET → Sunday 07:00 CEST
    ]) {
      const res = await planner.post("/api/v1/helpline/shifts", { memberId, start, end });
      expect(res.status, res.text).to.equal(201);
    }
    // An accepted engagement whose case text must never reach a feed.
    await Request.create({
      number: "NDV-2026-000777",
      title: "Secret case title",
      description: "Confidential description about a citizen",
      urgency: "planned",
      mode: "onsite",
      unitId: "midden-nederland",
      neededBy: new Date("2026-10-27T09:00:00Z"),
      estimatedHours: 2,
      status: "accepted",
      requesterId: "someone",
      assigneeMemberId: alex.memberId,
      acceptedAt: new Date("2026-10-20T09:00:00Z"),
      refSalt: "salt",
    });
  });
  after(async () => {
    await s?.stop();
  });

  it("the member feed has shifts and engagements at the right local times either side of the DST change", async () => {
    const tok = await alex.client.post("/api/v1/calendar/token");
    expect(tok.status).to.equal(200);
    expect(tok.body.urls.me).to.match(/\/api\/v1\/calendar\/me\.ics\?token=/);
    expect(tok.body.urls.helpline).to.match(/\/api\/v1\/calendar\/helpline\.ics\?token=/);
    const feed = await fetchIcs(tok.body.urls.me);
    expect(feed.status).to.equal(200);
    expect(feed.type).to.match(/^text\/calendar/);
    expect(feed.text).to.match(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Amsterdam/);
    expect(feed.text).to.not.match(/Secret|Confidential|citizen|\+316/);
    const ev = events(feed.text);
    expect(ev.map((e) => [e.summary, local(e.start), local(e.end)])).to.deep.equal([
      ["Dienst Roze in Blauw-hulplijn", "2026-10-23 08:00", "2026-10-23 16:00"],
      ["Dienst Roze in Blauw-hulplijn", "2026-10-24 22:00", "2026-10-25 05:00"],
      ["Dienst Roze in Blauw-hulplijn", "2026-10-26 08:00", "2026-10-26 16:00"],
      ["NDV-inzet NDV-2026-000777", "2026-10-27 10:00", "2026-10-27 12:00"],
      ["Dienst Roze in Blauw-hulplijn", "2027-03-27 22:00", "2027-03-28 07:00"],
    ]);
    // And the instants are right, not just the wall clock.
    expect(ev[1]!.start.toISOString()).to.equal("2026-10-24T20:00:00.000Z");
    expect(ev[1]!.end.getTime() - ev[1]!.start.getTime()).to.equal(8 * 3_600_000);
  });

  it("the roster feed shows everyone's shifts with first names only", async () => {
    const tok = await alex.client.post("/api/v1/calendar/token");
    const feed = await fetchIcs(tok.body.urls.helpline);
    expect(feed.status).to.equal(200);
    expect(feed.text).to.not.match(/van Dijk|de Boer|\+316/);
    const ev = events(feed.text);
    expect(ev).to.have.length(5);
    expect(ev.map((e) => e.summary)).to.include.members(["RiB-hulplijn: Alex", "RiB-hulplijn: Bram"]);
    const bram = ev.find((e) => e.summary.endsWith("Bram"))!;
    expect([local(bram.start), local(bram.end)]).to.deep.equal(["2026-10-26 16:00", "2026-10-27 00:00"]);
  });

  it("rotating the token makes the old URLs 404", async () => {
    const first = await alex.client.post("/api/v1/calendar/token");
    expect((await fetchIcs(first.body.urls.me)).status).to.equal(200);
    const second = await alex.client.post("/api/v1/calendar/token");
    expect(second.body.token).to.not.equal(first.body.token);
    expect((await fetchIcs(first.body.urls.me)).status).to.equal(404);
    expect((await fetchIcs(first.body.urls.helpline)).status).to.equal(404);
    expect((await fetchIcs(second.body.urls.me)).status).to.equal(200);
    expect((await fetchIcs(`${s.url}/api/v1/calendar/me.ics`)).status).to.equal(404);
    expect((await fetchIcs(`${s.url}/api/v1/calendar/me.ics?token=nonsense`)).status).to.equal(404);
  });

  it("a requester gets a (shift-less) personal feed but no roster feed", async () => {
    const requester = await login(s, "requester");
    const tok = await requester.post("/api/v1/calendar/token");
    expect(tok.status).to.equal(200);
    expect(tok.body.urls).to.have.keys(["me"]);
    const me = await fetchIcs(tok.body.urls.me);
    expect(me.status).to.equal(200);
    expect(events(me.text)).to.have.length(0);
    const roster = await fetchIcs(tok.body.urls.me.replace("me.ics", "helpline.ics"));
    expect(roster.status).to.equal(403);
  });
});
