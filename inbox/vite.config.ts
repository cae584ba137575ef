import { resolve } from "node:path";
import { defineConfig } from "vite";

/*
 * The operator inbox: an app of its own (dist/inbox/), built apart from the widget so
 * nothing of it reaches a customer's page. index.html carries {{CONVEX_URL}}, which the
 * server that hosts the inbox fills in (scripts/dev.mjs does for `npm run dev`).
 */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: resolve(import.meta.dirname, "../dist/inbox"),
    emptyOutDir: true,
    target: "es2020",
    minify: true,
  },
});
