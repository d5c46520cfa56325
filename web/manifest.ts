// The web app manifest (installable app). Dutch first: the force works in Dutch; the app switches
// to English inside. Icons are drawn by scripts/make-icons.mjs and committed in web/public/icons.
import type { ManifestOptions } from "vite-plugin-pwa";

export const THEME_COLOUR = "#154273";

export const manifest: Partial<ManifestOptions> = {
  id: "/",
  name: "NDV Expertisenetwerk",
  short_name: "NDV",
  description: "Vraag en aanbod van expertise binnen het Netwerk Divers Vakmanschap: verzoeken, diensttijd en de Roze in Blauw-hulplijn.",
  lang: "nl",
  dir: "ltr",
  start_url: "/#/",
  scope: "/",
  display: "standalone",
  orientation: "portrait",
  theme_color: THEME_COLOUR,
  background_color: "#ffffff",
  categories: ["business", "productivity"],
  icons: [
    { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};
