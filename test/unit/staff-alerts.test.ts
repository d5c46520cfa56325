// Pure parts of issue 13 items 5, 6 and the member UI: staff mail wording and timing, the service
// worker's payload handling, the notification preferences form's draft.
import { expect } from "chai";
import { composeStaffMail, nextDigestRun, formatWindow, type StaffAlertItem } from "../../api/src/domain/staff-alerts";
import { parsePayload, safeUrl } from "../../web/sw/payload";
import { fromDraft, toDraft, DEFAULT_PREFERENCES } from "../../web/src/lib/notification-prefs";
import { cacheControlFor } from "../../api/src/http/web";
import { DEFAULT_PREFERENCES as API_DEFAULTS } from "../../api/src/domain/notify-rules";

const unitName = (id: string) => ({ rotterdam: "Rotterdam" })[id] ?? id;

describe("staff alerts: wording and timing", () => {
  it("the digest runs at the next 07:00 in Amsterdam, in summer and in winter time", () => {
    expect(nextDigestRun(new Date("2026-06-10T08:00:00Z")).toISOString()).to.equal("2026-06-11T05:00:00.000Z");
    expect(nextDigestRun(new Date("2026-06-10T04:59:00Z")).toISOString()).to.equal("2026-06-10T05:00:00.000Z");
    expect(nextDigestRun(new Date("2026-12-01T10:00:00Z")).toISOString()).to.equal("2026-12-02T06:00:00.000Z");
    // The night the clocks go back (25 October 2026): still 07:00 local.
    expect(nextDigestRun(new Date("2026-10-24T20:00:00Z")).toISOString()).to.equal("2026-10-25T06:00:00.000Z");
  });

  it("writes windows in Dutch day format and 24 h Amsterdam time, in both languages", () => {
    expect(formatWindow("2026-12-01T21:00:00Z", "2026-12-02T06:00:00Z", "nl")).to.equal("di 01-12-2026 22:00 – wo 02-12-2026 07:00");
    expect(formatWindow("2026-12-01T21:00:00Z", "2026-12-02T06:00:00Z", "en")).to.equal("Tue 01-12-2026 22:00 – Wed 02-12-2026 07:00");
  });

  it("a digest lists each item with its app link, escapes HTML, and says how many", () => {
    const items: StaffAlertItem[] = [
      { kind: "request-unfilled", requestId: "r1", number: "NDV-2026-000007", unitId: "rotterdam", urgency: "acute", at: "" },
      { kind: "budget", unitId: "<script>", level: 100, year: 2026, allotted: 120, used: 121.5, at: "" },
    ];
    const m = composeStaffMail(items, { lang: "nl", baseUrl: "https://ndv.example/", digest: true, unitName });
    expect(m.subject).to.equal("NDV: dagoverzicht (2 meldingen)");
    expect(m.text).to.include("Aanvraag NDV-2026-000007 (Rotterdam, acuut) is niet vervuld.");
    expect(m.text).to.include("https://ndv.example/#/requests/r1").and.include("121,5 van 120 uur");
    expect(m.html).to.include("&lt;script&gt;").and.not.include("<script>");
    const en = composeStaffMail(items.slice(0, 1), { lang: "en", baseUrl: "https://ndv.example", digest: false, unitName });
    expect(en.subject).to.equal("NDV: request NDV-2026-000007 not filled");
    expect(en.text).to.include("Request NDV-2026-000007 (Rotterdam, acute) was not filled.");
  });
});

describe("service worker payloads", () => {
  it("opens only same-origin app paths", () => {
    expect(safeUrl("/#/offers/abc")).to.equal("/#/offers/abc");
    for (const bad of ["https://evil.example/#/offers/1", "//evil.example/x", "javascript:alert(1)", 42, undefined]) expect(safeUrl(bad)).to.equal("/#/");
  });

  it("turns a malformed or partial payload into a safe notification", () => {
    expect(parsePayload(undefined)).to.deep.equal({ title: "NDV Expertisenetwerk", body: "", url: "/#/" });
    expect(parsePayload("not json").url).to.equal("/#/");
    expect(parsePayload(JSON.stringify({ title: "Nieuw verzoek", body: "b", url: "https://x.example", offerId: "o1", urgency: "acute" }))).to.deep.equal({
      title: "Nieuw verzoek",
      body: "b",
      url: "/#/",
      offerId: "o1",
      urgency: "acute",
    });
  });
});

describe("notification preferences form", () => {
  it("starts from the API's defaults and sends what the member chose", () => {
    expect(DEFAULT_PREFERENCES).to.deep.equal(API_DEFAULTS);
    const d = toDraft(undefined);
    expect(d.channels).to.deep.equal(DEFAULT_PREFERENCES.channels);
    expect([d.quiet, d.start, d.end]).to.deep.equal([false, "22:00", "07:00"]); // times offered when quiet hours are ticked
    const out = fromDraft({ ...d, quiet: true, start: "2230", end: "6.45", email: "  a@politie.example " }, { withDigest: false });
    expect(out).to.deep.equal({
      body: {
        channels: DEFAULT_PREFERENCES.channels,
        quietHours: { start: "22:30", end: "06:45" },
        acuteAtNight: true,
        language: "nl",
        email: "a@politie.example",
      },
    });
  });

  it("refuses times it cannot read, and sends null quiet hours when they are off", () => {
    const d = toDraft({ quietHours: null, digest: "daily" });
    expect(d.quiet).to.equal(false);
    expect(fromDraft({ ...d, quiet: true, start: "25:00", end: "7" }, { withDigest: true })).to.deep.equal({ invalid: ["start", "end"] });
    const ok = fromDraft(d, { withDigest: true });
    expect("body" in ok && ok.body.quietHours).to.equal(null);
    expect("body" in ok && ok.body.digest).to.equal("daily");
  });
});

describe("web server caching", () => {
  it("revalidates the worker, page and manifest; caches hashed bundles for a year", () => {
    expect(cacheControlFor("/app/web/dist/sw.js")).to.equal("no-cache");
    expect(cacheControlFor("/app/web/dist/index.html")).to.equal("no-cache");
    expect(cacheControlFor("/app/web/dist/manifest.webmanifest")).to.equal("no-cache");
    expect(cacheControlFor("/app/web/dist/assets/index-abc123.js")).to.equal("public, max-age=31536000, immutable");
    expect(cacheControlFor("/app/web/dist/icons/icon-192.png")).to.equal("public, max-age=3600");
  });
});
