import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import { VitePWA } from "vite-plugin-pwa";
import type { Plugin } from "vite";

// The Flask backend serves the API on 127.0.0.1:8000 during development.
const backend = "http://127.0.0.1:8000";

// Staff, admin and command-center code (and the libraries only they use) goes to assets/work/, which
// the service worker does not precache: a resident's phone never downloads it.
const WORK_ONLY =
  /(^|\/)src\/pages\/(staff|admin|command)\/|(^|\/)node_modules\/(uplot|leaflet\.markercluster)\//;

function isWorkOnly(moduleIds: readonly string[]): boolean {
  return moduleIds.length > 0 && moduleIds.every((id) => WORK_ONLY.test(id));
}

// vite-plugin-pwa 2.0 builds the service worker with `output.inlineDynamicImports: true`, which
// Rolldown (Vite 8) deprecates in favour of `codeSplitting: false`: the same one-file worker, no warning.
const workerInOneFile: Plugin = {
  name: "satupintu:worker-in-one-file",
  outputOptions(output) {
    if (!("inlineDynamicImports" in output)) return null;
    const { inlineDynamicImports, ...rest } = output;
    return inlineDynamicImports ? { ...rest, codeSplitting: false } : rest;
  },
};

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      // The entry is sw.ts so that it is still served as /sw.js, where installed apps look for updates.
      filename: "sw.ts",
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "SatuPintu — layanan publik kota",
        short_name: "SatuPintu",
        description:
          "Satu pintu untuk laporan warga, permohonan layanan, berita dan peringatan kota.",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b4f8a",
        // Made from the running demo (see README "The app"): two phone screens and the wall screen.
        screenshots: [
          {
            src: "/screenshots/home-narrow.png",
            sizes: "412x915",
            type: "image/png",
            form_factor: "narrow",
            label: "Beranda SatuPintu",
          },
          {
            src: "/screenshots/berita-narrow.png",
            sizes: "412x915",
            type: "image/png",
            form_factor: "narrow",
            label: "Berita kota",
          },
          {
            src: "/screenshots/command-wide.png",
            sizes: "1280x800",
            type: "image/png",
            form_factor: "wide",
            label: "Pusat komando",
          },
        ],
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          {
            src: "/icons/maskable-512.png",
            sizes: "512x512",
            type: "image/png",
            purpose: "maskable",
          },
        ],
      },
      injectManifest: {
        buildPlugins: { vite: [workerInOneFile] },
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        globIgnores: ["assets/work/**", "screenshots/**"],
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      output: {
        chunkFileNames: (chunk) =>
          isWorkOnly(chunk.moduleIds)
            ? "assets/work/[name]-[hash].js"
            : "assets/[name]-[hash].js",
        // Stylesheets of shared work chunks carry no source name and stay precached (a few KB).
        assetFileNames: (asset) =>
          isWorkOnly(asset.originalFileNames)
            ? "assets/work/[name]-[hash][extname]"
            : "assets/[name]-[hash][extname]",
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/open311": { target: backend, changeOrigin: false },
    },
  },
});
