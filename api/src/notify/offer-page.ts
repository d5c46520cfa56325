// The server-rendered answer page behind an e-mail link: no scripts, no external resources, Dutch by
// default (English when the member chose it). States are plain sentences, never an error dump.
import type { UiLanguage } from "../contract/values";
import type { OfferMessage } from "../domain/notify-rules";
import { esc } from "./html";

export type LinkState = "open" | "accepted" | "declined" | "already-answered" | "expired" | "withdrawn" | "taken" | "invalid" | "over-budget" | "refused";

const TEXT: Record<UiLanguage, Record<LinkState, { title: string; body: string }>> = {
  nl: {
    open: { title: "Verzoek om jouw expertise", body: "Wil je dit verzoek aannemen?" },
    accepted: { title: "Je hebt het verzoek aangenomen", body: "Dank je wel. De aanvrager ziet nu je contactgegevens; open de NDV-app voor de details." },
    declined: { title: "Je hebt het verzoek afgewezen", body: "Dank je voor je reactie. Het verzoek gaat naar een andere collega." },
    "already-answered": { title: "Dit aanbod is al beantwoord", body: "Deze link is al gebruikt of je hebt al gereageerd in de app. Er is niets veranderd." },
    expired: { title: "Dit aanbod is verlopen", body: "De reactietermijn is voorbij. Het verzoek is naar andere collega's gegaan." },
    withdrawn: { title: "Dit aanbod is ingetrokken", body: "Het verzoek is geannuleerd of gesloten. Je hoeft niets te doen." },
    taken: { title: "Een collega was je voor", body: "Een andere collega heeft dit verzoek al aangenomen. Dank je voor je snelle reactie." },
    invalid: { title: "Deze link is ongeldig", body: "Controleer of je de volledige link uit de e-mail hebt geopend, of open het aanbod in de NDV-app." },
    "over-budget": {
      title: "Onvoldoende diensttijd",
      body: "Je hebt dit jaar niet genoeg NDV-diensttijd meer voor dit verzoek. Een coördinator kan een uitzondering toestaan.",
    },
    refused: { title: "Niet toegestaan", body: "Dit formulier kan alleen vanaf deze pagina worden verstuurd." },
  },
  en: {
    open: { title: "A request for your expertise", body: "Do you want to take this request?" },
    accepted: { title: "You accepted the request", body: "Thank you. The requester now sees your contact details; open the NDV app for the details." },
    declined: { title: "You declined the request", body: "Thanks for answering. The request goes to another colleague." },
    "already-answered": { title: "This offer has already been answered", body: "This link was used before, or you answered in the app. Nothing changed." },
    expired: { title: "This offer has expired", body: "The answer deadline has passed. The request went to other colleagues." },
    withdrawn: { title: "This offer was withdrawn", body: "The request was cancelled or closed. Nothing for you to do." },
    taken: { title: "A colleague was first", body: "Another colleague already accepted this request. Thanks for answering quickly." },
    invalid: { title: "This link is not valid", body: "Check that you opened the whole link from the e-mail, or open the offer in the NDV app." },
    "over-budget": {
      title: "Not enough service time",
      body: "You have too little NDV service time left this year for this request. A coordinator can grant an exception.",
    },
    refused: { title: "Not allowed", body: "This form can only be sent from this page." },
  },
};

const BUTTONS = {
  nl: { accept: "Accepteren", decline: "Afwijzen", app: "Open in de NDV-app" },
  en: { accept: "Accept", decline: "Decline", app: "Open in the NDV app" },
};

export function renderOfferPage(state: LinkState, lang: UiLanguage, opts: { msg?: OfferMessage; action?: string; appUrl?: string } = {}): string {
  const t = TEXT[lang][state];
  const b = BUTTONS[lang];
  const facts =
    opts.msg && (state === "open" || state === "accepted")
      ? `<ul>${opts.msg.lines
          .slice(1)
          .map((l) => `<li>${esc(l)}</li>`)
          .join("")}</ul>`
      : "";
  const form =
    state === "open" && opts.action
      ? `<form method="post" action="${esc(opts.action)}"><button name="answer" value="accept" class="primary">${b.accept}</button> ` +
        `<button name="answer" value="decline">${b.decline}</button></form>`
      : "";
  const app = opts.appUrl ? `<p><a href="${esc(opts.appUrl)}">${b.app}</a></p>` : "";
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(t.title)} · NDV</title><style>` +
    "body{font-family:system-ui,sans-serif;margin:0;padding:24px 16px;max-width:560px;margin:auto;color:#1a1a1a;line-height:1.5}" +
    "h1{font-size:1.4rem;color:#154273}button{font-size:1.1rem;padding:12px 20px;margin:8px 8px 0 0;border-radius:6px;border:1px solid #154273;background:#fff;color:#154273;min-width:44%}" +
    "button.primary{background:#154273;color:#fff}li{margin:4px 0}" +
    `</style></head><body><main><h1>${esc(t.title)}</h1><p>${esc(t.body)}</p>${facts}${form}${app}</main></body></html>`
  );
}
