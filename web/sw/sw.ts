// The service worker: precaches the app shell (list injected at build by vite-plugin-pwa), serves
// it when offline, shows push notifications and opens the offer when one is clicked.
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { parsePayload, safeUrl } from "./payload";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The app uses hash routes, so the only page navigation is "/". Everything else (the API, the
// sign-in callback, pages the API renders for e-mail links) always goes to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html"), { allowlist: [/^\/$/, /^\/index\.html$/] }));

// No skipWaiting(): a new version waits until the app's tabs are closed, so an open page never loses
// the old bundles it may still lazy-load. The first install takes control of the open page at once.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  const p = parsePayload(event.data?.text());
  event.waitUntil(
    self.registration.showNotification(p.title, {
      body: p.body,
      tag: p.tag ?? p.offerId,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      lang: "nl",
      requireInteraction: p.urgency === "acute",
      data: { url: p.url, offerId: p.offerId },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = safeUrl((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(openApp(url));
});

/** Focus an open window of the app and route it (hash change, no reload); else open a new one. */
async function openApp(url: string) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const own = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (own) {
    own.postMessage({ type: "open", url });
    return own.focus();
  }
  return self.clients.openWindow(url);
}
