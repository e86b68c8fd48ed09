import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

// Backend (FastAPI) runs on 127.0.0.1:8000 during development.
const backend = "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/open311": { target: backend, changeOrigin: false },
    },
  },
});
