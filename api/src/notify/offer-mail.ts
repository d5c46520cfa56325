// The e-mail of a new offer: the privacy-safe facts and one link to the answer page (GET shows, POST answers).
import type { UiLanguage } from "../contract/values";
import type { OfferMessage } from "../domain/notify-rules";
import { esc } from "./html";

export function renderOfferMail(msg: OfferMessage, link: string, lang: UiLanguage): { text: string; html: string } {
  const cta = lang === "en" ? "Accept or decline" : "Accepteren of afwijzen";
  const footer =
    lang === "en"
      ? "This link works once, for this offer only, until the answer deadline. Case details are in the NDV app."
      : "Deze link werkt één keer, alleen voor dit aanbod, tot de reactietermijn. De details van de casus staan in de NDV-app.";
  const text = [...msg.lines, "", `${cta}: ${link}`, "", footer].join("\n");
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">` +
    msg.lines.map((l) => `<p style="margin:0 0 6px">${esc(l)}</p>`).join("") +
    `<p style="margin:16px 0"><a href="${esc(link)}" style="background:#154273;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${esc(cta)}</a></p>` +
    `<p style="color:#555;font-size:13px">${esc(footer)}</p></body></html>`;
  return { text, html };
}
