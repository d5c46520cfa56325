// Alerts and digests for coordinators and planners (issue 13 item 6): what an item may carry and
// how a mail is worded. Pure. An item never holds case text, a title, expertise (it can reveal
// religion, orientation or origin), or anyone's name: only numbers, units, urgency, hours, times.
import { DateTime } from "luxon";

export type StaffAlertItem =
  | { kind: "request-unanswered"; requestId: string; number?: string; unitId: string; urgency?: string; at: string }
  | { kind: "request-unfilled"; requestId: string; number?: string; unitId: string; urgency?: string; at: string }
  | { kind: "budget"; unitId: string; level: 80 | 100; year: number; allotted?: number; used?: number; at: string }
  | { kind: "coverage"; reason: "daily" | "shift-removed"; gaps: { start: string; end: string }[]; removed?: { start: string; end: string }; at: string };

export type StaffLang = "nl" | "en";

export interface StaffMail {
  subject: string;
  text: string;
  html: string;
}

const ZONE = "Europe/Amsterdam";

/** Next 07:00 in Amsterdam: coordinators read the daily digest at the start of the day shift. */
export function nextDigestRun(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  let at = local.set({ hour: 7, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 });
  return at.toJSDate();
}

const WORDS = {
  nl: {
    urgency: { acute: "acuut", today: "vandaag", planned: "gepland" } as Record<string, string>,
    unanswered: (n: string, unit: string, u: string) =>
      `Aanvraag ${n} (${unit}${u}) heeft na alle rondes nog niemand gevonden en ligt nu bij de coördinatoren.`,
    unfilled: (n: string, unit: string, u: string) => `Aanvraag ${n} (${unit}${u}) is niet vervuld.`,
    budget: (unit: string, level: number, year: number, used: string, allotted: string) =>
      `Een lid van ${unit} heeft ${level} % van het budget ${year} gebruikt${used ? ` (${used} van ${allotted} uur)` : ""}. Wie het is, ziet u in de app.`,
    gapsNone: "Geen gaten in de bezetting van de hulplijn in de komende 7 dagen.",
    gaps: (n: number) => `${n} ${n === 1 ? "gat" : "gaten"} in de bezetting van de hulplijn in de komende 7 dagen (de RSC neemt dan op):`,
    removed: (w: string) => `Er is een dienst verwijderd (${w}).`,
    subject: {
      unanswered: (n: string) => `NDV: aanvraag ${n} vindt niemand`,
      unfilled: (n: string) => `NDV: aanvraag ${n} niet vervuld`,
      budget: (level: number) => `NDV: budgetsignaal ${level} %`,
      digest: (n: number) => `NDV: dagoverzicht (${n} ${n === 1 ? "melding" : "meldingen"})`,
      coverage: "NDV: bezetting hulplijn",
      removed: "NDV: dienst verwijderd, bezetting hulplijn",
    },
    open: "Openen in de app",
    footer: "U krijgt deze e-mail als coördinator of planner van het NDV-expertisenetwerk. Instellen of uitzetten: Meldingen in de app.",
    unnumbered: "zonder nummer",
  },
  en: {
    urgency: { acute: "acute", today: "today", planned: "planned" } as Record<string, string>,
    unanswered: (n: string, unit: string, u: string) => `Request ${n} (${unit}${u}) found nobody after every round and is now with the coordinators.`,
    unfilled: (n: string, unit: string, u: string) => `Request ${n} (${unit}${u}) was not filled.`,
    budget: (unit: string, level: number, year: number, used: string, allotted: string) =>
      `A member of ${unit} has used ${level} % of their ${year} budget${used ? ` (${used} of ${allotted} hours)` : ""}. The app shows who.`,
    gapsNone: "No gaps in helpline cover in the coming 7 days.",
    gaps: (n: number) => `${n} ${n === 1 ? "gap" : "gaps"} in helpline cover in the coming 7 days (the RSC answers then):`,
    removed: (w: string) => `A shift was removed (${w}).`,
    subject: {
      unanswered: (n: string) => `NDV: request ${n} finds nobody`,
      unfilled: (n: string) => `NDV: request ${n} not filled`,
      budget: (level: number) => `NDV: budget alert ${level} %`,
      digest: (n: number) => `NDV: daily digest (${n} ${n === 1 ? "alert" : "alerts"})`,
      coverage: "NDV: helpline cover",
      removed: "NDV: shift removed, helpline cover",
    },
    open: "Open in the app",
    footer: "You receive this e-mail as a coordinator or planner of the NDV expertise network. Change or turn off: Notifications in the app.",
    unnumbered: "without number",
  },
} as const;

/** "di 02-12-2026 22:00 – wo 03-12-2026 07:00", Amsterdam time, 24 h, Dutch day format in both languages. */
export function formatWindow(start: string, end: string, lang: StaffLang): string {
  const f = (iso: string) =>
    DateTime.fromISO(iso, { zone: ZONE })
      .setLocale(lang === "nl" ? "nl-NL" : "en-GB")
      .toFormat("ccc dd-MM-yyyy HH:mm");
  return `${f(start)} – ${f(end)}`;
}

const hours = (n: number | undefined, lang: StaffLang) =>
  n === undefined ? "" : new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(n);

/** One line per item (and the gaps as sub-lines), plus the app link it belongs to. */
export function describe(item: StaffAlertItem, lang: StaffLang, unitName: (id: string) => string): { line: string; sub: string[]; path: string } {
  const w = WORDS[lang];
  switch (item.kind) {
    case "request-unanswered":
    case "request-unfilled": {
      const u = item.urgency ? `, ${w.urgency[item.urgency] ?? item.urgency}` : "";
      const n = item.number ?? w.unnumbered;
      const line = item.kind === "request-unanswered" ? w.unanswered(n, unitName(item.unitId), u) : w.unfilled(n, unitName(item.unitId), u);
      return { line, sub: [], path: `/#/requests/${encodeURIComponent(item.requestId)}` };
    }
    case "budget":
      return {
        line: w.budget(unitName(item.unitId), item.level, item.year, hours(item.used, lang), hours(item.allotted, lang)),
        sub: [],
        path: "/#/coord/budgets",
      };
    case "coverage": {
      const head = item.gaps.length ? w.gaps(item.gaps.length) : w.gapsNone;
      const line = item.removed ? `${w.removed(formatWindow(item.removed.start, item.removed.end, lang))} ${head}` : head;
      return { line, sub: item.gaps.map((g) => formatWindow(g.start, g.end, lang)), path: "/#/helpline" };
    }
  }
}

function singleSubject(item: StaffAlertItem, lang: StaffLang): string {
  const s = WORDS[lang].subject;
  switch (item.kind) {
    case "request-unanswered":
      return s.unanswered(item.number ?? "");
    case "request-unfilled":
      return s.unfilled(item.number ?? "");
    case "budget":
      return s.budget(item.level);
    case "coverage":
      return item.reason === "shift-removed" ? s.removed : s.coverage;
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One e-mail for one or more items: a single alert, a daily digest, or a coverage report. */
export function composeStaffMail(
  items: StaffAlertItem[],
  opts: { lang: StaffLang; baseUrl: string; digest: boolean; unitName: (id: string) => string },
): StaffMail {
  const w = WORDS[opts.lang];
  const first = items[0];
  const subject = opts.digest || !first ? w.subject.digest(items.length) : singleSubject(first, opts.lang);
  const parts = items.map((i) => ({ ...describe(i, opts.lang, opts.unitName) }));
  const base = opts.baseUrl.replace(/\/+$/, "");
  const text = [...parts.map((p) => [`- ${p.line}`, ...p.sub.map((s) => `    ${s}`), `  ${w.open}: ${base}${p.path}`].join("\n")), "", w.footer].join("\n");
  const html = [
    `<!doctype html><html lang="${opts.lang}"><body style="font-family:Arial,sans-serif">`,
    "<ul>",
    ...parts.map(
      (p) =>
        `<li><p>${esc(p.line)}</p>${p.sub.length ? `<ul>${p.sub.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>` : ""}<p><a href="${esc(base + p.path)}">${esc(w.open)}</a></p></li>`,
    ),
    "</ul>",
    `<p style="color:#555">${esc(w.footer)}</p>`,
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
