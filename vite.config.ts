import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { build, defineConfig, type LogLevel, type Plugin } from "vite";
import packageJson from "./package.json" with { type: "json" };

/*
 * `vite build` writes the whole widget into dist/:
 *   widget.js                     the loader, a classic IIFE script (unhashed: customers link it)
 *   runtime/<version>/runtime.js  the ES module runtime the loader imports
 *   runtime/<version>/*-<hash>.js lazily loaded chunks (the messenger panel)
 *   manifest.json                 { version, loader, runtime }
 * The runtime is this config's build; the loader is a second, small build started from the
 * plugin below once the runtime is written (also after every rebuild in watch mode).
 */

const { version } = packageJson;
const OUT_DIR = "dist";
const RUNTIME_DIR = `runtime/${version}`;
const RUNTIME_FILE = `${RUNTIME_DIR}/runtime.js`;
const LOADER_FILE = "widget.js";

// Preact's automatic JSX runtime (Vite 8 transforms TS/JSX with oxc).
const oxc = { jsx: { runtime: "automatic" as const, importSource: "preact" } };

function loaderAndManifest(): Plugin {
  let logLevel: LogLevel = "info";
  let outDir = OUT_DIR;
  let beforeOpen: string[] = [RUNTIME_FILE];
  return {
    name: "opencom-loader-and-manifest",
    apply: "build",
    configResolved(config) {
      logLevel = config.logLevel ?? "info";
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const runtime = bundle[RUNTIME_FILE];
      if (runtime?.type === "chunk") beforeOpen = [RUNTIME_FILE, ...runtime.imports];
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: logLevel === "info" ? "warn" : logLevel,
        oxc,
        build: {
          outDir,
          emptyOutDir: false,
          target: "es2019",
          minify: true,
          lib: { entry: resolve("src/loader.ts"), formats: ["iife"], name: "OpencomLoader", fileName: () => LOADER_FILE },
        },
      });
      writeFileSync(
        resolve(outDir, "manifest.json"),
        `${JSON.stringify({ version, loader: LOADER_FILE, runtime: RUNTIME_FILE }, null, 2)}\n`,
      );
      if (logLevel === "info") printBudget(outDir, beforeOpen);
    },
  };
}

/**
 * The budget figure Vite's own report does not show: what a page fetches before the
 * messenger opens (loader + runtime entry + any chunk the entry imports statically).
 */
function printBudget(outDir: string, beforeOpen: string[]): void {
  const gzip = (file: string) => gzipSync(readFileSync(resolve(outDir, file)), { level: 9 }).length;
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
  const loader = gzip(LOADER_FILE);
  const total = [LOADER_FILE, ...beforeOpen].reduce((sum, file) => sum + gzip(file), 0);
  console.log(`[opencom] gzip: loader ${kb(loader)} (budget 2 kB); before open ${kb(total)} (budget 40 kB)`);
}

export default defineConfig({
  base: "./",
  oxc,
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: "es2020",
    minify: true,
    // Library mode: an ES module whose exports the loader calls, and no HTML-page helpers
    // (Vite's module-preload helper would add 1 KB to every page for nothing).
    lib: {
      entry: { runtime: resolve("src/runtime/main.ts") },
      formats: ["es"],
      fileName: (_format, entryName) => `${RUNTIME_DIR}/${entryName}.js`,
    },
    rolldownOptions: {
      // Let the entry chunk export more than its own API, so code shared with the lazy panel
      // stays in runtime.js instead of a third file: one request before the launcher shows.
      preserveEntrySignatures: "allow-extension",
      output: {
        chunkFileNames: `${RUNTIME_DIR}/[name]-[hash].js`,
        // Library mode keeps whitespace and annotations for downstream bundlers; this
        // output goes straight to browsers, so minify it fully.
        minify: true,
        comments: false,
      },
    },
  },
  plugins: [loaderAndManifest()],
});
