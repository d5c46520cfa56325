// Vite config for the web app. Run from the repo root: `vite build --config web/vite.config.ts`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { manifest } from "./manifest";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root,
  plugins: [
    react(),
    // injectManifest: our own service worker (web/sw/sw.ts) handles push and notificationclick;
    // the plugin only injects the precache list (the app shell) and writes the manifest.
    VitePWA({
      strategies: "injectManifest",
      srcDir: "sw",
      filename: "sw.ts",
      injectRegister: false, // registered in web/src/lib/pwa.ts, production builds only
      manifest,
      manifestFilename: "manifest.webmanifest",
      injectManifest: { globPatterns: ["**/*.{js,css,html,png,webmanifest}"] },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Prints gzip sizes of every chunk; the entry chunk should stay well under 300 KB gzip.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      // Keep the browser's Host: the API's cross-site check compares it with the Origin.
      "/api": { target: api, changeOrigin: false },
      "/socket.io": { target: api, ws: true, changeOrigin: false },
      "/offer-links": { target: api, changeOrigin: false }, // e-mail answer pages are server-rendered
    },
  },
});
