/*
 * The classic script customers paste (`<script src=".../widget.js" async>`). It stays tiny:
 * it reads the config, puts a call-queuing stand-in at `window.OpencomWidget`, and imports
 * the real runtime (an ES module) from beside itself, checked against its SRI hash. Nothing
 * here may throw into the page.
 */
import { createCallQueue } from "./loader/call-queue";
import { inlineStubCalls } from "./loader/inline-stub";
import { readConfig } from "./loader/read-config";
import { importVerified, preloadVerified } from "./loader/verified-import";

/**
 * The runtime entry of this build, inlined by the build (vite.config.ts) once the runtime is
 * written: its path relative to widget.js (`runtime/<version>/runtime-<hash>.js`) and its
 * integrity, and the chunks the runtime always loads at boot (the Convex client) with theirs.
 * Inlined rather than read from manifest.json at run time: one request fewer before the
 * launcher shows, and no `connect-src` for the CDN in the host page's CSP.
 */
declare const __OPENCOM_RUNTIME__: { file: string; integrity: string; preload: Array<[file: string, integrity: string]> };

type LoaderWindow = Window & { OpencomWidget?: unknown; opencomSettings?: unknown };

// Must be read synchronously: currentScript is only set while this script first runs.
const currentScript = document.currentScript;

function findOwnScript(): HTMLScriptElement | null {
  if (currentScript instanceof HTMLScriptElement) return currentScript;
  return document.querySelector<HTMLScriptElement>("script[data-opencom-convex-url], script[src*='/widget.js']");
}

function start(win: LoaderWindow): void {
  // The inline snippet's stand-in (README): the loader takes its recorded calls over.
  const inlineCalls = inlineStubCalls(win.OpencomWidget);
  if (win.OpencomWidget && !inlineCalls) {
    console.warn("[OpencomWidget] the widget script was included twice; the second copy does nothing");
    return;
  }
  const script = findOwnScript();
  const queue = createCallQueue();
  win.OpencomWidget = queue.stub;

  // The tag's settings start the widget first, so the page's early calls find it running,
  // unless the page called init() itself.
  const config = readConfig(script, win.opencomSettings);
  const initialised = inlineCalls?.some((call) => call.method === "init") === true;
  if (!initialised && typeof config.convexUrl === "string" && config.convexUrl !== "") queue.stub.init(config);
  for (const call of inlineCalls ?? []) queue.stub[call.method](...call.args);

  // The runtime lives beside the loader: resolve against the loader's own URL, not the page's.
  const { file, integrity, preload } = __OPENCOM_RUNTIME__;
  const base = script?.src || document.baseURI;
  const runtimeUrl = new URL(file, base).href;
  // The boot chunks download beside the runtime instead of after it; the runtime's own
  // verified import of each then finds it checked in the module map (see preloadVerified).
  // A failed preload is reported by the runtime when it imports that chunk.
  for (const [chunk, hash] of preload) preloadVerified(new URL(chunk, base).href, hash).catch(() => {});
  importVerified(runtimeUrl, integrity).then(
    // A task boundary between evaluating the runtime and starting it: done in one task, the
    // two made a task over 50 ms at 4x CPU, which blocks the page's own input meanwhile.
    (loaded) => new Promise((resolve) => setTimeout(() => resolve(loaded), 0)),
  ).then(
    (loaded) => {
      const runtime = loaded as { createOpencomWidget(): Record<string, (...args: unknown[]) => unknown> };
      const api = runtime.createOpencomWidget();
      win.OpencomWidget = api;
      queue.attach(api as Parameters<typeof queue.attach>[0]);
    },
    (error: unknown) => {
      console.error(`[OpencomWidget] could not load the widget runtime from ${runtimeUrl}`, error);
      queue.fail();
    },
  );
}

try {
  start(window as LoaderWindow);
} catch (error) {
  console.error("[OpencomWidget] the widget loader failed", error);
}
