// Who gets which outside notification when (pure, no I/O): preference defaults, quiet hours in
// Europe/Amsterdam, and the privacy-safe text of an offer notification in the member's language.
import { DateTime } from "luxon";
import type { DigestMode, NotifyChannel, UiLanguage, Urgency } from "../contract/values";

export const ZONE = "Europe/Amsterdam";

export interface QuietHours {
  start: string; // "HH:MM", 24 h
  end: string;
}

export interface Preferences {
  channels: Record<Urgency, NotifyChannel[]>;
  quietHours: QuietHours | null;
  acuteAtNight: boolean;
  language: UiLanguage;
  email?: string;
  digest: DigestMode;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  channels: { acute: ["push", "email"], today: ["push"], planned: ["email"] },
  quietHours: null,
  acuteAtNight: true,
  language: "nl",
  digest: "immediate",
}) as Preferences;

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `at` falls inside the quiet hours (Amsterdam wall-clock time; a window may wrap midnight). */
export function inQuietHours(q: QuietHours | null, at: Date): boolean {
  if (!q || q.start === q.end) return false;
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  const now = local.hour * 60 + local.minute;
  const s = minutes(q.start);
  const e = minutes(q.end);
  return s < e ? now >= s && now < e : now >= s || now < e;
}

/**
 * The outside channels for an offer of this urgency now. Quiet hours hold for today and planned, and for
 * acute only when the member opted out of acute alerts at night. The in-app event is not decided here: it always goes.
 */
export function channelsFor(p: Preferences, urgency: Urgency, at: Date): NotifyChannel[] {
  const wanted = p.channels[urgency] ?? [];
  if (!inQuietHours(p.quietHours, at)) return [...wanted];
  if (urgency === "acute" && p.acuteAtNight) return [...wanted];
  return [];
}

export interface OfferFacts {
  offerId: string;
  urgency: Urgency;
  expertise: { nl: string; en: string }[];
  unit: string;
  estimatedHours: number;
  expiresAt: Date;
}

export interface OfferMessage {
  title: string;
  body: string;
  subject: string;
  /** Lines of the e-mail body before the answer link. */
  lines: string[];
}

const URGENCY_TEXT: Record<UiLanguage, Record<Urgency, string>> = {
  nl: { acute: "Acuut", today: "Vandaag", planned: "Gepland" },
  en: { acute: "Acute", today: "Today", planned: "Planned" },
};

/** dd-mm-jjjj HH:mm in Amsterdam time (the deadline as members read it in both languages). */
export const dutchDateTime = (d: Date): string => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("dd-MM-yyyy HH:mm");

const hours = (h: number, lang: UiLanguage) => (lang === "nl" ? String(h).replace(".", ",") : String(h));

/**
 * What an offer notification says. It travels through outside push services and mail servers, so it
 * carries only urgency, expertise labels, unit, hours and deadline: never case text or any name.
 */
export function offerMessage(f: OfferFacts, lang: UiLanguage): OfferMessage {
  const urgency = URGENCY_TEXT[lang][f.urgency];
  const labels = f.expertise.map((e) => e[lang]).join(", ") || (lang === "nl" ? "expertise" : "expertise");
  const deadline = dutchDateTime(f.expiresAt);
  const h = hours(f.estimatedHours, lang);
  if (lang === "en") {
    return {
      title: `${urgency} NDV request: ${labels}`,
      body: `${f.unit} · about ${h} h · answer before ${deadline}`,
      subject: `[NDV] ${urgency} request for your expertise: ${labels}`,
      lines: [
        `A colleague asks for your expertise (${urgency.toLowerCase()}).`,
        `Expertise: ${labels}`,
        `Unit: ${f.unit}`,
        `Estimated time: ${h} hours`,
        `Answer before: ${deadline}`,
      ],
    };
  }
  return {
    title: `${urgency} NDV-verzoek: ${labels}`,
    body: `${f.unit} · ca. ${h} uur · reageer vóór ${deadline}`,
    subject: `[NDV] ${urgency} verzoek om jouw expertise: ${labels}`,
    lines: [
      `Een collega vraagt om jouw expertise (${urgency.toLowerCase()}).`,
      `Expertise: ${labels}`,
      `Eenheid: ${f.unit}`,
      `Geschatte tijd: ${h} uur`,
      `Reageer vóór: ${deadline}`,
    ],
  };
}
