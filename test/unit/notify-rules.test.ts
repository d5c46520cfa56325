import { expect } from "chai";
import { channelsFor, DEFAULT_PREFERENCES, dutchDateTime, inQuietHours, offerMessage, type Preferences } from "../../api/src/domain/notify-rules";
import { endpointAllowed } from "../../api/src/notify/subscriptions";
import { mergePreferences, preferencesInput } from "../../api/src/notify/preferences";

// Amsterdam is UTC+1 in winter (CET) and UTC+2 in summer (CEST).
const winter = (hhmm: string) => new Date(`2026-01-14T${hhmm}:00+01:00`);
const summer = (hhmm: string) => new Date(`2026-07-14T${hhmm}:00+02:00`);
const quiet: Preferences = {
  ...DEFAULT_PREFERENCES,
  channels: { acute: ["push", "email"], today: ["push"], planned: ["email"] },
  quietHours: { start: "22:00", end: "07:00" },
};

describe("notify rules: quiet hours, channels, message text", () => {
  it("quiet hours wrap midnight in Amsterdam wall-clock time, winter and summer alike", () => {
    for (const at of [winter, summer]) {
      expect(inQuietHours(quiet.quietHours, at("21:59"))).to.equal(false);
      expect(inQuietHours(quiet.quietHours, at("22:00"))).to.equal(true);
      expect(inQuietHours(quiet.quietHours, at("23:00"))).to.equal(true);
      expect(inQuietHours(quiet.quietHours, at("03:30"))).to.equal(true);
      expect(inQuietHours(quiet.quietHours, at("06:59"))).to.equal(true);
      expect(inQuietHours(quiet.quietHours, at("07:00"))).to.equal(false);
      expect(inQuietHours(quiet.quietHours, at("12:00"))).to.equal(false);
    }
    expect(inQuietHours({ start: "12:00", end: "13:00" }, winter("12:30"))).to.equal(true);
    expect(inQuietHours({ start: "12:00", end: "13:00" }, winter("13:30"))).to.equal(false);
    expect(inQuietHours({ start: "08:00", end: "08:00" }, winter("08:00"))).to.equal(false); // empty window
    expect(inQuietHours(null, winter("23:00"))).to.equal(false);
  });

  it("today and planned stay silent in quiet hours; acute goes unless the member opted out of acute alerts at night", () => {
    expect(channelsFor(quiet, "today", winter("23:00"))).to.deep.equal([]);
    expect(channelsFor(quiet, "planned", winter("23:00"))).to.deep.equal([]);
    expect(channelsFor(quiet, "acute", winter("23:00"))).to.deep.equal(["push", "email"]);
    expect(channelsFor({ ...quiet, acuteAtNight: false }, "acute", winter("23:00"))).to.deep.equal([]);
    expect(channelsFor(quiet, "today", winter("10:00"))).to.deep.equal(["push"]);
    expect(channelsFor(DEFAULT_PREFERENCES, "planned", winter("23:00"))).to.deep.equal(["email"]);
  });

  it("defaults: acute → push + e-mail, today → push, planned → e-mail, no quiet hours, Dutch", () => {
    expect(mergePreferences(null)).to.deep.equal({
      channels: { acute: ["push", "email"], today: ["push"], planned: ["email"] },
      quietHours: null,
      acuteAtNight: true,
      language: "nl",
      digest: "immediate",
    });
    expect(mergePreferences({ channels: { today: [] }, language: "en" }).channels).to.deep.equal({ acute: ["push", "email"], today: [], planned: ["email"] });
  });

  it("validates HH:MM strictly", () => {
    const base = { channels: { acute: [], today: [], planned: [] }, acuteAtNight: true, language: "nl" };
    for (const ok of ["00:00", "07:00", "23:59"])
      expect(preferencesInput.safeParse({ ...base, quietHours: { start: ok, end: "07:00" } }).success).to.equal(true);
    for (const bad of ["24:00", "7:00", "07:60", "07:00:00", "0700", " 07:00"])
      expect(preferencesInput.safeParse({ ...base, quietHours: { start: bad, end: "07:00" } }).success, bad).to.equal(false);
  });

  it("the message carries urgency, labels, unit, hours and a dd-mm-jjjj HH:mm deadline in the member's language", () => {
    const f = {
      offerId: "x",
      urgency: "acute" as const,
      expertise: [{ nl: "Somalische cultuur", en: "Somali culture" }],
      unit: "Rotterdam",
      estimatedHours: 1.5,
      expiresAt: new Date("2026-03-10T22:10:00Z"),
    };
    const nl = offerMessage(f, "nl");
    expect(nl.title).to.equal("Acuut NDV-verzoek: Somalische cultuur");
    expect(nl.body).to.equal("Rotterdam · ca. 1,5 uur · reageer vóór 10-03-2026 23:10");
    const en = offerMessage(f, "en");
    expect(en.title).to.equal("Acute NDV request: Somali culture");
    expect(en.body).to.equal("Rotterdam · about 1.5 h · answer before 10-03-2026 23:10");
    expect(dutchDateTime(new Date("2026-07-01T05:05:00Z"))).to.equal("01-07-2026 07:05");
  });

  it("push endpoints: https anywhere public; http only to loopback outside production; no internal addresses in production", () => {
    expect(endpointAllowed("https://push.example.net/abc", true)).to.equal(true);
    expect(endpointAllowed("http://127.0.0.1:9000/push/1", false)).to.equal(true);
    expect(endpointAllowed("http://127.0.0.1:9000/push/1", true)).to.equal(false);
    expect(endpointAllowed("http://push.example.net/abc", false)).to.equal(false);
    expect(endpointAllowed("https://10.0.0.5/abc", true)).to.equal(false);
    expect(endpointAllowed("https://[::1]/abc", true)).to.equal(false);
    expect(endpointAllowed("https://user:pw@push.example.net/abc", false)).to.equal(false);
    expect(endpointAllowed("javascript:alert(1)", false)).to.equal(false);
  });
});
