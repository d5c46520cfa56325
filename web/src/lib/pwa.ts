// The service worker from the outside: register it (production builds only; the dev server has
// none) and follow its "open this offer" messages after a notification click.
import { navigate } from "./router";

export function registerServiceWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (e: MessageEvent<{ type?: string; url?: string }>) => {
    const url = e.data?.url;
    if (e.data?.type === "open" && typeof url === "string") openAppUrl(url);
  });
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      /* no service worker (private mode, old browser): the app works without offline and push */
    });
  });
}

/** "/#/offers/42" → route to "/offers/42"; only same-app hash routes are followed. */
export function openAppUrl(url: string) {
  const m = /^\/#(\/[^#]*)$/.exec(url);
  if (m) navigate(m[1]);
}
