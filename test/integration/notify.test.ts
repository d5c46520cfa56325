// Issue 13: push and e-mail with real components — Mailpit as the SMTP server, a loopback push service that
// decrypts what web-push sends — answer links, quiet hours (time injected), 410 and a refusing mail server.
import { expect } from "chai";
import { cpus, loadavg } from "node:os";
import { io } from "socket.io-client";
import type { Service } from "../../api/src/bootstrap";
import { wakeJobs } from "../../api/src/jobs/wake";
import { fanOut } from "../../api/src/notify/offer-notifications";
import { Delivery } from "../../api/src/models/delivery";
import { Offer } from "../../api/src/models/offer";
import { PushSubscription } from "../../api/src/models/push-subscription";
import { Request } from "../../api/src/models/request";
import { User } from "../../api/src/models/user";
import { expertiseById } from "../../api/src/reference/expertise";
import { startStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";
import { freshMembers, somaliRequest, waitFor } from "../helpers/core";
import { Mailpit, mailpitAvailable, type MailpitFull } from "../helpers/mailpit";
import { TestPushService } from "../helpers/push-service";

// Tuesday 10 March 2026, 23:00 in Amsterdam (CET): inside quiet hours 22:00–07:00. The test moves it forward.
let offsetMs = new Date("2026-03-10T22:00:00Z").getTime() - Date.now();
const clock = () => new Date(Date.now() + offsetMs);

type Member = Awaited<ReturnType<typeof freshMembers>>[number] & { email: string; sub: { endpoint: string; keys: { p256dh: string; auth: string } } };

describe("notifications: push and e-mail (Mailpit, decrypting push service)", function () {
  this.timeout(180_000);
  let s: Service;
  let mailpit: Mailpit;
  let push: TestPushService;
  let admin: Client;
  let requester: Awaited<ReturnType<typeof newUser>>;
  const REQUESTER_NAME = "Petra Verzoekster";

  before(async function () {
    if (!mailpitAvailable()) {
      console.log("    (skipped: .bin/mailpit not built — run npm install with a Go toolchain)");
      this.skip();
    }
    [mailpit, push] = await Promise.all([Mailpit.start(), TestPushService.start()]);
    s = await startStack({ SMTP_URL: mailpit.smtpUrl, MAIL_FROM: "NDV <noreply@ndv.invalid>", DEMO_MEMBERS: "50" }, { now: clock });
    admin = await login(s, "admin");
    requester = await newUser(s, { roles: ["requester"], unitId: "oost-brabant", name: REQUESTER_NAME });
  });
  after(async () => {
    await s?.stop();
    await mailpit?.stop();
    await push?.stop();
  });

  async function members(n: number, language: string): Promise<Member[]> {
    const ms = await freshMembers(admin, s, n, { unitId: "oost-brabant", language });
    return Promise.all(
      ms.map(async (m) => {
        const sub = push.subscribe();
        const res = await m.client.post("/api/v1/push/subscriptions", sub);
        expect(res.status).to.equal(201);
        const user = await User.findById(m.userId).lean();
        return { ...m, sub, email: user!.email! };
      }),
    );
  }

  const mailFor = async (m: Member): Promise<MailpitFull | undefined> => {
    const [msg] = await mailpit.messagesTo(m.email);
    return msg ? { ...(await mailpit.message(msg.ID)), Created: msg.Created } : undefined;
  };
  const linkIn = (mail: MailpitFull) => /https?:\/\/\S+\/offer-links\/[\w.-]+/.exec(mail.Text)![0];
  const html = async (url: string, init?: RequestInit) => {
    const r = await fetch(url, init);
    return { status: r.status, text: await r.text(), headers: r.headers };
  };
  const post = (url: string, answer: string, origin = s.url) =>
    html(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: `answer=${answer}` });

  let five: Member[];
  let firstId: string;

  it("an acute request with five eligible members: each gets an e-mail and a decrypted push within 2 s, with no case text or names", async () => {
    five = await members(5, "iu");
    const title = "Overlijden kind familie Warsame";
    const description = "Familierechercheur zoekt collega; moeder Hodan Warsame vraagt naar rouwgebruiken.";
    const t0 = Date.now();
    const created = await requester.client.post("/api/v1/requests", {
      ...somaliRequest,
      title,
      description,
      unitId: "oost-brabant",
      languages: ["iu"],
      urgency: "acute",
    });
    expect(created.status).to.equal(201);
    firstId = created.body.id;
    const arrived = await waitFor(
      async () => {
        const mails = await Promise.all(five.map(mailFor));
        const pushes = five.map((m) => push.messagesFor(m.sub.endpoint)[0]);
        return mails.every(Boolean) && pushes.every(Boolean) ? { mails: mails as MailpitFull[], pushes: pushes.map((p) => p!), at: Date.now() } : null;
      },
      "five e-mails and five pushes",
      10_000,
    );
    // Arrival times as the receivers recorded them (Mailpit's Created, the push service's clock), not our polling.
    const elapsed = Math.max(...arrived.pushes.map((p) => p.at), ...arrived.mails.map((m) => Date.parse(m.Created))) - t0;
    // 2 s on an idle machine; on a shared machine under load the budget grows with the run queue per core.
    const load = Math.max(1, loadavg()[0]! / cpus().length);
    console.log(`      last e-mail/push arrived ${elapsed} ms after creation (budget ${Math.round(2000 * load)} ms at load ${load.toFixed(1)}/core)`);
    expect(elapsed).to.be.below(2000 * load);
    expect(push.errors).to.deep.equal([]);

    const forbidden = [
      title,
      description,
      "Warsame",
      "Hodan",
      REQUESTER_NAME,
      "Petra",
      "Verzoekster",
      ...five.map((m) => m.name),
      "Fresh Member",
      "Familierechercheur",
    ];
    for (const [i, p] of arrived.pushes.entries()) {
      for (const f of forbidden) expect(p.plaintext).to.not.contain(f);
      const offer = await Offer.findOne({ requestId: firstId, memberId: five[i]!.memberId }).lean();
      expect(p.payload).to.include({
        url: `/#/offers/${String(offer!._id)}`,
        offerId: String(offer!._id),
        urgency: "acute",
        tag: `offer-${String(offer!._id)}`,
      });
      const labels = somaliRequest.expertise.map((e) => expertiseById(e)!.label.nl).join(", ");
      expect(p.payload.title).to.equal(`Acuut NDV-verzoek: ${labels}`);
      expect(p.payload.body).to.match(/^Oost-Brabant · ca\. 2 uur · reageer vóór \d\d-\d\d-\d{4} \d\d:\d\d$/);
      expect(p.urgency).to.equal("high");
      expect(p.contentEncoding).to.equal("aes128gcm");
      expect(p.ttl).to.be.within(590, 600); // until the offer expires (acute: 10 minutes)
      expect(p.vapidClaims.sub).to.match(/^mailto:/);
    }
    const { publicKey } = (await five[0]!.client.get("/api/v1/push/vapid-public-key")).body;
    expect(arrived.pushes.every((p) => p.vapidKey === publicKey)).to.equal(true);
    for (const m of arrived.mails) {
      for (const f of forbidden) for (const part of [m.Subject, m.Text, m.HTML]) expect(part).to.not.contain(f);
      expect(m.Subject).to.match(/^\[NDV\] Acuut verzoek om jouw expertise/);
      expect(m.Text)
        .to.contain("Eenheid: Oost-Brabant")
        .and.to.contain("Geschatte tijd: 2 uur")
        .and.to.match(/Reageer vóór: \d\d-\d\d-\d{4} \d\d:\d\d/);
      expect(m.HTML).to.not.match(/<(img|script|link)\b/i);
    }
  });

  it("coordinators in scope see who was reached how, pseudonymously; others may not", async () => {
    const coord = await newUser(s, { roles: ["coordinator"], unitId: "oost-brabant", scope: { units: ["oost-brabant"], networks: [] } });
    const other = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    const res = await coord.client.get(`/api/v1/requests/${firstId}/deliveries`);
    expect(res.status).to.equal(200);
    const rows = res.body.data as any[];
    expect(rows.filter((d) => d.status === "sent" && d.channel === "email")).to.have.length(5);
    expect(rows.filter((d) => d.status === "sent" && d.channel === "push")).to.have.length(5);
    expect(rows.every((d) => /^c_/.test(d.candidateRef) && d.acceptedAt)).to.equal(true);
    const text = JSON.stringify(res.body);
    for (const m of five) expect(text).to.not.contain(m.name).and.to.not.contain(m.email).and.to.not.contain(m.memberId);
    expect(text).to.not.contain("/push/");
    const cards = (await coord.client.get(`/api/v1/requests/${firstId}/candidates?limit=50`)).body as any[];
    expect(rows.every((d) => cards.some((c) => c.candidateRef === d.candidateRef))).to.equal(true); // the same refs as the cards
    expect((await other.client.get(`/api/v1/requests/${firstId}/deliveries`)).status).to.equal(403);
    expect((await requester.client.get(`/api/v1/requests/${firstId}/deliveries`)).status).to.equal(403);
    expect((await five[0]!.client.get(`/api/v1/requests/${firstId}/deliveries`)).status).to.equal(403);
  });

  it("the e-mail link: GET×3 changes nothing, another offer's id breaks the signature, POST accepts, reuse and late answers get Dutch pages", async () => {
    const [a, b] = [five[0]!, five[1]!];
    const linkA = linkIn((await mailFor(a))!);
    const linkB = linkIn((await mailFor(b))!);
    for (let i = 0; i < 3; i++) {
      const page = await html(linkA);
      expect(page.status).to.equal(200);
      expect(page.headers.get("content-type")).to.contain("text/html");
      expect(page.headers.get("cache-control")).to.equal("no-store");
      expect(page.text).to.contain("Accepteren").and.to.contain("Afwijzen").and.to.contain("Oost-Brabant");
      expect(page.text).to.not.match(/<(script|img|link)\b|https?:\/\/(?!127\.0\.0\.1|localhost)/i); // no external resources
    }
    expect((await Offer.findOne({ requestId: firstId, memberId: a.memberId }).lean())!.status).to.equal("pending");
    expect((await Request.findById(firstId).lean())!.status).to.equal("offered");

    // A's signature with B's offer id: refused, B untouched.
    const offerB = String((await Offer.findOne({ requestId: firstId, memberId: b.memberId }).lean())!._id);
    const tokenA = linkA.split("/").pop()!;
    const forged = linkA.replace(tokenA, [offerB, ...tokenA.split(".").slice(1)].join("."));
    const bad = await post(forged, "accept");
    expect(bad.status).to.equal(404);
    expect(bad.text).to.contain("Deze link is ongeldig");
    expect((await Offer.findById(offerB).lean())!.status).to.equal("pending");

    // A form from a foreign page is refused even with the token.
    expect((await post(linkA, "accept", "https://evil.example")).status).to.equal(403);
    expect((await Offer.findOne({ requestId: firstId, memberId: a.memberId }).lean())!.status).to.equal("pending");

    const accepted = await post(linkA, "accept");
    expect(accepted.status).to.equal(200);
    expect(accepted.text).to.contain("Je hebt het verzoek aangenomen");
    const r = await Request.findById(firstId).lean();
    expect(r!.status).to.equal("accepted");
    expect(r!.assigneeMemberId).to.equal(a.memberId);

    const again = await post(linkA, "accept");
    expect(again.text).to.contain("Dit aanbod is al beantwoord");
    expect((await post(linkA, "decline")).text).to.contain("Dit aanbod is al beantwoord");
    expect((await Request.findById(firstId).lean())!.assigneeMemberId).to.equal(a.memberId);
    // B was too late: the offer was withdrawn when A accepted.
    expect((await html(linkB)).text).to.contain("Een collega was je voor");
    expect((await post(linkB, "accept")).text).to.contain("Een collega was je voor");
  });

  it("withdrawn and expired offers' links get a Dutch page (English for a member who chose English); decline works", async () => {
    const [c, d, e] = await members(3, "ik");
    const en = await e!.client.put("/api/v1/notification-preferences/me", {
      channels: { acute: ["email"], today: ["email"], planned: ["email"] },
      quietHours: null,
      acuteAtNight: true,
      language: "en",
    });
    expect(en.status).to.equal(200);
    const created = await requester.client.post("/api/v1/requests", { ...somaliRequest, unitId: "oost-brabant", languages: ["ik"], urgency: "acute" });
    const id = created.body.id;
    const mails = await waitFor(async () => {
      const ms = await Promise.all([c!, d!, e!].map(mailFor));
      return ms.every(Boolean) ? (ms as MailpitFull[]) : null;
    }, "three e-mails");
    expect(mails[2]!.Subject).to.match(/^\[NDV\] Acute request for your expertise/);
    const [linkC, linkD, linkE] = mails.map(linkIn) as [string, string, string];
    expect((await html(linkE)).text)
      .to.contain("Accept")
      .and.to.contain("Decline");

    // Expired (the round timeout marks it so).
    await Offer.updateOne({ requestId: id, memberId: c!.memberId }, { $set: { status: "expired" } });
    const expired = await post(linkC, "accept");
    expect(expired.text).to.contain("Dit aanbod is verlopen");
    // Decline from the e-mail.
    const declined = await post(linkD, "decline");
    expect(declined.text).to.contain("Je hebt het verzoek afgewezen");
    expect((await Offer.findOne({ requestId: id, memberId: d!.memberId }).lean())!.status).to.equal("declined");
    // Withdrawn: the requester cancels.
    expect((await requester.client.post(`/api/v1/requests/${id}/cancel`, {})).status).to.equal(200);
    const withdrawn = await html(linkE);
    expect(withdrawn.text).to.contain("This offer was withdrawn");
    expect(withdrawn.text).to.not.contain("<form");
    const garbage = await html(`${s.url}/offer-links/not-a-token`);
    expect(garbage.status).to.equal(404);
    expect(garbage.text).to.contain("Deze link is ongeldig");
  });

  it("quiet hours 22–07 at 23:00: a today offer sends no push or e-mail (the in-app event still goes); acute does unless opted out", async () => {
    const [quiet, optedOut] = await members(2, "kw");
    const prefs = {
      channels: { acute: ["push", "email"], today: ["push", "email"], planned: ["email"] },
      quietHours: { start: "22:00", end: "07:00" },
      acuteAtNight: true,
      language: "nl",
    };
    expect((await quiet!.client.put("/api/v1/notification-preferences/me", prefs)).status).to.equal(200);
    expect((await optedOut!.client.put("/api/v1/notification-preferences/me", { ...prefs, acuteAtNight: false })).status).to.equal(200);

    // The in-app event still goes: a real socket.io client of the quiet member.
    const socket = io(s.url, { auth: { token: quiet!.client.token }, transports: ["websocket"], reconnection: false });
    const inApp: any[] = [];
    socket.on("offer:new", (p: any) => inApp.push(p));
    await new Promise<void>((res, rej) => (socket.on("connect", () => res()), socket.on("connect_error", rej)));
    const today = await requester.client.post("/api/v1/requests", { ...somaliRequest, unitId: "oost-brabant", languages: ["kw"], urgency: "today" });
    const offers = await waitFor(async () => {
      const os = await Offer.find({ requestId: today.body.id }).lean();
      return os.length === 2 ? os : null;
    }, "two today offers");
    expect(offers.every((o) => o.status === "pending")).to.equal(true); // in the app inbox
    const inbox = (await quiet!.client.get("/api/v1/offers?status=pending")).body.data as any[];
    expect(inbox.some((o) => o.requestId === today.body.id)).to.equal(true);
    await waitFor(async () => inApp.some((p) => p.requestId === today.body.id), "the in-app offer:new event");
    socket.disconnect();

    const acute = await requester.client.post("/api/v1/requests", { ...somaliRequest, unitId: "oost-brabant", languages: ["kw"], urgency: "acute" });
    // The acute push to the member who keeps acute alerts at night arrives; by then the earlier today fan-out has run.
    await waitFor(async () => push.messagesFor(quiet!.sub.endpoint).length > 0 && (await mailFor(quiet!)), "acute push and e-mail despite quiet hours");
    await waitFor(async () => (await Delivery.countDocuments({ requestId: acute.body.id })) >= 2, "acute deliveries");
    // Run the fan-out of every offer involved once more and wait for it (idempotent), so the assertions below
    // do not depend on whether the background fan-outs have finished yet.
    const involved = await Offer.find({ requestId: { $in: [today.body.id, acute.body.id] } }).lean();
    for (const o of involved) await fanOut(s.deps, { offerId: String(o._id), at: clock().toISOString() });
    const pushesQuiet = push.messagesFor(quiet!.sub.endpoint);
    expect(pushesQuiet).to.have.length(1);
    expect(pushesQuiet[0]!.payload.urgency).to.equal("acute");
    expect(await mailpit.messagesTo(quiet!.email)).to.have.length(1);
    expect(push.messagesFor(optedOut!.sub.endpoint)).to.have.length(0);
    expect(await mailpit.messagesTo(optedOut!.email)).to.have.length(0);
    expect(await Delivery.countDocuments({ requestId: today.body.id })).to.equal(0);
    expect(await Delivery.countDocuments({ requestId: acute.body.id, memberId: optedOut!.memberId })).to.equal(0);
  });

  it("a push subscription answered 410 is deleted; a refusing mail server does not delay dispatch, is retried, and the failure shows", async () => {
    const [m] = await members(1, "gv");
    push.answer(m!.sub.endpoint, 410);
    await mailpit.stop();
    try {
      const t0 = Date.now();
      const created = await requester.client.post("/api/v1/requests", { ...somaliRequest, unitId: "oost-brabant", languages: ["gv"], urgency: "acute" });
      const id = created.body.id;
      await waitFor(async () => (await Offer.countDocuments({ requestId: id })) === 1, "the offer");
      const dispatchMs = Date.now() - t0;
      console.log(`      dispatch with the mail server down: offer out after ${dispatchMs} ms`);
      expect(dispatchMs).to.be.below(5000); // the SMTP connection timeout is 5 s: dispatch did not wait for it

      const failed = await waitFor(async () => {
        const ds = await Delivery.find({ requestId: id }).lean();
        const mail = ds.find((d) => d.channel === "email" && d.failure);
        const p = ds.find((d) => d.channel === "push" && d.status === "failed");
        return mail && p ? { mail, p } : null;
      }, "failed deliveries");
      expect(failed.p.failure).to.contain("410");
      expect(await PushSubscription.countDocuments({ endpoint: m!.sub.endpoint })).to.equal(0);
      expect(failed.mail.status).to.equal("queued"); // will be retried
      expect(failed.mail.attempts).to.equal(1);
      expect(failed.mail.failure).to.match(/ECONNREFUSED|connect/i);

      const coord = await newUser(s, { roles: ["coordinator"], unitId: "oost-brabant", scope: { units: ["oost-brabant"], networks: [] } });
      const rows = (await coord.client.get(`/api/v1/requests/${id}/deliveries`)).body.data as any[];
      expect(rows.find((d) => d.channel === "email")).to.include({ status: "queued", attempts: 1 });
      expect(rows.find((d) => d.channel === "email").failure).to.match(/ECONNREFUSED|connect/i);
      expect(rows.find((d) => d.channel === "push")).to.include({ status: "failed" });

      // The mail server is back; the retry is due after the backoff (10 s): move the clock instead of waiting.
      await mailpit.restart();
      offsetMs += 15_000;
      wakeJobs();
      const sent = await waitFor(async () => {
        const d = await Delivery.findById(failed.mail._id).lean();
        return d?.status === "sent" ? d : null;
      }, "the retried e-mail");
      expect(sent.attempts).to.equal(2);
      expect(await mailpit.messagesTo(m!.email)).to.have.length(1);
    } finally {
      await mailpit.restart().catch(() => {});
    }
  });

  it("preferences: defaults, own only, strict validation; push subscriptions: validation and own only", async () => {
    const [m] = await members(1, "oc");
    const def = await m!.client.get("/api/v1/notification-preferences/me");
    expect(def.body).to.deep.equal({
      channels: { acute: ["push", "email"], today: ["push"], planned: ["email"] },
      quietHours: null,
      acuteAtNight: true,
      language: "nl",
    });
    const base = {
      channels: { acute: ["push"], today: [], planned: ["email"] },
      quietHours: { start: "22:00", end: "07:00" },
      acuteAtNight: false,
      language: "en",
    };
    for (const bad of [
      { ...base, quietHours: { start: "24:00", end: "07:00" } },
      { ...base, quietHours: { start: "7:00", end: "22:00" } },
      { ...base, channels: { ...base.channels, acute: ["sms"] } },
      { ...base, channels: { ...base.channels, acute: ["push", "push"] } },
      { ...base, language: "de" },
      { ...base, userId: "someone-else" },
      { ...base, digest: "daily" }, // members get no digests
      { ...base, email: "not-an-address" },
    ]) {
      const res = await m!.client.put("/api/v1/notification-preferences/me", bad);
      expect(res.status, JSON.stringify(bad)).to.equal(422);
    }
    const ok = await m!.client.put("/api/v1/notification-preferences/me", base);
    expect(ok.status).to.equal(200);
    expect(ok.body).to.deep.include({ acuteAtNight: false, language: "en", quietHours: { start: "22:00", end: "07:00" } });
    const coord = await newUser(s, { roles: ["coordinator"], unitId: "oost-brabant", scope: { units: ["oost-brabant"], networks: [] } });
    expect((await coord.client.put("/api/v1/notification-preferences/me", { ...base, digest: "daily" })).body.digest).to.equal("daily");
    expect((await coord.client.get("/api/v1/notification-preferences/me")).body.channels.today).to.deep.equal([]);
    expect((await new (m!.client.constructor as typeof Client)(s.url).get("/api/v1/notification-preferences/me")).status).to.equal(401);

    const sub = push.subscribe();
    for (const bad of [
      { ...sub, endpoint: "http://push.example/abc" },
      { ...sub, endpoint: "ftp://127.0.0.1/x" },
      { ...sub, endpoint: "https://" + "a".repeat(2100) + ".example/" },
      { ...sub, keys: { ...sub.keys, p256dh: sub.keys.p256dh.slice(4) } },
      { ...sub, keys: { ...sub.keys, auth: "AAAA" } },
      { ...sub, keys: { ...sub.keys, $where: "1" } },
    ]) {
      const res = await m!.client.post("/api/v1/push/subscriptions", bad);
      expect(res.status, JSON.stringify(bad).slice(0, 100)).to.equal(422);
    }
    expect((await m!.client.post("/api/v1/push/subscriptions", sub)).status).to.equal(201);
    // Someone else cannot remove it.
    expect((await coord.client.request("DELETE", "/api/v1/push/subscriptions", { endpoint: sub.endpoint })).status).to.equal(204);
    expect(await PushSubscription.countDocuments({ endpoint: sub.endpoint })).to.equal(1);
    expect((await m!.client.request("DELETE", "/api/v1/push/subscriptions", { endpoint: sub.endpoint })).status).to.equal(204);
    expect(await PushSubscription.countDocuments({ endpoint: sub.endpoint })).to.equal(0);
  });
});
