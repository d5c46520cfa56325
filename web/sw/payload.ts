// What a push message may carry (the contract with the API's notifier) and how it becomes a
// notification. Pure, so the service worker stays a thin shell around it.

export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag?: string;
  offerId?: string;
  urgency?: string;
}

/** Parse a push message's JSON; anything malformed becomes a generic notice that opens the app. */
export function parsePayload(text: string | undefined): PushPayload {
  const fallback: PushPayload = { title: "NDV Expertisenetwerk", body: "", url: "/#/" };
  if (!text) return fallback;
  try {
    const p = JSON.parse(text) as Partial<PushPayload>;
    return {
      title: typeof p.title === "string" && p.title ? p.title : fallback.title,
      body: typeof p.body === "string" ? p.body : "",
      url: safeUrl(p.url),
      ...(typeof p.tag === "string" ? { tag: p.tag } : {}),
      ...(typeof p.offerId === "string" ? { offerId: p.offerId } : {}),
      ...(typeof p.urgency === "string" ? { urgency: p.urgency } : {}),
    };
  } catch {
    return { ...fallback, body: text.slice(0, 200) };
  }
}

/** Only same-origin app paths are opened: a payload never sends the member elsewhere. */
export function safeUrl(url: unknown): string {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return "/#/";
  return url;
}
