import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { build, defineConfig, type LogLevel, type Plugin } from "vite";
import packageJson from "./package.json" with { type: "json" };
import { signLazyImports, sri } from "./scripts/build/integrity.js";
import { serializeManifest, VERSION_PATTERN, versionDir, type ManifestFile, type WidgetManifest } from "./scripts/build/manifest.js";
import { compileVerifiedImportHelper } from "./scripts/build/verified-import-helper.js";
import { convexWithoutAuth } from "./scripts/build/convex-without-auth.js";

/*
 * `vite build` writes the whole widget into dist/:
 *   widget.js                              the loader, a classic IIFE script (unhashed: customers
 *                                          link it; short TTL). The runtime's name and SRI are inlined.
 *   runtime/<version>/runtime-<hash>.js    the ES module runtime the loader imports (immutable)
 *   runtime/<version>/<name>-<hash>.js     chunks loaded lazily (the messenger panel, overlays…);
 *                                          every lazy import() carries the chunk's SRI hash
 *   manifest.json                          { version, loader, runtime, files } with SRI hashes
 *   esm/                                   the npm package's ES module entry (`import { init }
 *                                          from "opencom-widget"`), for bundlers
 * The runtime is this config's build; the loader and the package entry are further builds
 * started from the plugin below once the runtime is final (the loader after every rebuild in
 * watch mode too). OPENCOM_WIDGET_VERSION overrides package.json's version (the deploy test
 * uses it to publish a second version).
 */

const version = process.env.OPENCOM_WIDGET_VERSION || packageJson.version;
if (!VERSION_PATTERN.test(version)) throw new Error(`OPENCOM_WIDGET_VERSION "${version}" is not a version like 1.2.3`);
const OUT_DIR = "dist";
const RUNTIME_DIR = versionDir(version);
const LOADER_FILE = "widget.js";
const ESM_DIR = "esm";
const APPS_KIT_DIR = "apps-kit";
const CONFIG_CLIENT_DIR = "config-client";

// Preact's automatic JSX runtime (Vite 8 transforms TS/JSX with oxc).
const oxc = { jsx: { runtime: "automatic" as const, importSource: "preact" } };

function loaderManifestAndPackage(): Plugin {
  let logLevel: LogLevel = "info";
  let outDir = OUT_DIR;
  let watching = false;
  let runtime: ManifestFile | null = null;
  let files: Record<string, string> = {};
  let beforeOpen: string[] = [];
  /** Fetched by the loader beside the runtime (verified modulepreloads), not after it. */
  let preload: Array<[file: string, integrity: string]> = [];
  return {
    name: "opencom-loader-manifest-package",
    apply: "build",
    configResolved(config) {
      logLevel = config.logLevel ?? "info";
      outDir = resolve(config.root, config.build.outDir);
      watching = Boolean(config.build.watch);
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === "chunk" ? [output] : []));
      const helper = compileVerifiedImportHelper(resolve("src/loader/verified-import.ts"));
      const signed = signLazyImports(chunks, helper);
      for (const chunk of chunks) chunk.code = signed.code.get(chunk.fileName) ?? chunk.code;
      files = Object.fromEntries(signed.integrity);
      for (const output of Object.values(bundle)) {
        if (output.type === "asset") files[output.fileName] = sri(output.source);
      }
      const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === "runtime");
      if (!entry) throw new Error("[opencom] the runtime entry chunk is missing from the bundle");
      runtime = { file: entry.fileName, integrity: files[entry.fileName]! };
      // The Convex client is a lazy chunk the runtime always fetches at boot (see
      // src/runtime/deferred-client.ts), so it counts as fetched before the messenger opens.
      const bootChunks = chunks.filter((chunk) => chunk.facadeModuleId?.endsWith("/src/runtime/convex-client.ts"));
      beforeOpen = [...new Set([entry.fileName, ...entry.imports, ...bootChunks.flatMap((chunk) => [chunk.fileName, ...chunk.imports])])];
      preload = beforeOpen.filter((file) => file !== entry.fileName).map((file) => [file, files[file]!]);
    },
    async closeBundle() {
      if (!runtime) return; // the runtime build failed; it has said why
      await build({
        configFile: false,
        logLevel: logLevel === "info" ? "warn" : logLevel,
        oxc,
        define: { __OPENCOM_RUNTIME__: JSON.stringify({ ...runtime, preload }) },
        build: {
          outDir,
          emptyOutDir: false,
          target: "es2019",
          minify: true,
          lib: { entry: resolve("src/loader.ts"), formats: ["iife"], name: "OpencomLoader", fileName: () => LOADER_FILE },
        },
      });
      const loader = { file: LOADER_FILE, integrity: sri(readFileSync(resolve(outDir, LOADER_FILE))) };
      const manifest: WidgetManifest = { version, loader, runtime, files };
      writeFileSync(resolve(outDir, "manifest.json"), serializeManifest(manifest));
      if (!watching) {
        await buildPackageEntry(resolve(outDir, ESM_DIR), logLevel);
        await buildAppsKit(resolve(outDir, APPS_KIT_DIR), logLevel);
        await buildAppsKit(resolve(outDir, CONFIG_CLIENT_DIR), logLevel, "src/config-client/index.ts");
      }
      if (logLevel === "info") printBudget(outDir, beforeOpen);
    },
  };
}

/**
 * The npm package's ES module entry (src/index.ts), for bundler users. Dependencies are
 * bundled in (the package needs none at run time); the messenger panel stays a lazy chunk,
 * which the user's bundler splits off in turn. Left unminified: their bundler minifies.
 */
async function buildPackageEntry(outDir: string, logLevel: LogLevel): Promise<void> {
  await build({
    configFile: false,
    logLevel: logLevel === "info" ? "warn" : logLevel,
    oxc,
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2020",
      minify: false,
      lib: { entry: resolve("src/index.ts"), formats: ["es"], fileName: () => "index.js" },
      rolldownOptions: { output: { chunkFileNames: "[name]-[hash].js" } },
    },
  });
}

/**
 * `opencom-widget/apps`, the kit for custom-app authors (src/apps-kit/index.ts), as one
 * ES module with jose bundled in: the package keeps no runtime dependency, and only an
 * app that imports the kit pays for jose (the widget never does). The configuration API's
 * client (`opencom-widget/config`, src/config-client/index.ts) is built the same way.
 */
async function buildAppsKit(outDir: string, logLevel: LogLevel, entry = "src/apps-kit/index.ts"): Promise<void> {
  await build({
    configFile: false,
    logLevel: logLevel === "info" ? "warn" : logLevel,
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      minify: false,
      lib: { entry: resolve(entry), formats: ["es"], fileName: () => "index.js" },
    },
  });
}

/**
 * The budget figure Vite's own report does not show: what a page fetches before the
 * messenger opens (loader + runtime entry + any chunk the entry imports statically).
 * `npm run bench` measures the same in a browser.
 */
function printBudget(outDir: string, beforeOpen: string[]): void {
  const gzip = (file: string) => gzipSync(readFileSync(resolve(outDir, file)), { level: 9 }).length;
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
  const loader = gzip(LOADER_FILE);
  const total = [LOADER_FILE, ...beforeOpen].reduce((sum, file) => sum + gzip(file), 0);
  console.log(`[opencom] gzip: loader ${kb(loader)} (budget 2 kB); before open ${kb(total)} (budget 37 kB)`);
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
      entry: { runtime: resolve("src/app/main.ts") },
      formats: ["es"],
      fileName: (_format, entryName) => `${RUNTIME_DIR}/${entryName}-[hash].js`,
    },
    rolldownOptions: {
      // Let the entry chunk export more than its own API, so code shared with the lazy panel
      // stays in the runtime entry instead of a third file: one request before the launcher shows.
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
  plugins: [convexWithoutAuth(), loaderManifestAndPackage()],
});
