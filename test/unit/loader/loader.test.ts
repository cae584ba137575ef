import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type TestWindow = Window & { OpencomWidget?: Record<string, (...args: unknown[]) => unknown>; opencomSettings?: unknown };
const win = window as TestWindow;
// What the build inlines (vite.config.ts). Whether Chromium refuses a file with another
// hash is checked end to end in test/e2e/deploy.test.ts.
const BOOT_CHUNK = { file: "runtime/9.9.9/convex-client-EfGh5678.js", integrity: "sha384-boot-chunk" };
const RUNTIME_ENTRY = {
  file: "runtime/9.9.9/runtime-AbCd1234.js",
  integrity: "sha384-unused-in-happy-dom",
  preload: [[BOOT_CHUNK.file, BOOT_CHUNK.integrity]],
};

beforeEach(() => {
  (globalThis as { __OPENCOM_RUNTIME__?: unknown }).__OPENCOM_RUNTIME__ = RUNTIME_ENTRY;
});

afterEach(() => {
  delete (globalThis as { __OPENCOM_RUNTIME__?: unknown }).__OPENCOM_RUNTIME__;
  delete win.OpencomWidget;
  delete win.opencomSettings;
  document.head.replaceChildren();
  vi.restoreAllMocks();
  vi.resetModules();
});

function addScriptTag(): void {
  const script = document.createElement("script");
  // Port 9 (discard) on localhost: the runtime import fails fast, which is the path under test.
  script.setAttribute("data-opencom-convex-url", "http://127.0.0.1:9");
  script.setAttribute("data-opencom-workspace-id", "demo");
  Object.defineProperty(script, "src", { value: "http://127.0.0.1:9/widget.js" });
  document.head.append(script);
}

describe("loader", () => {
  it("preloads the runtime and its boot chunks with their integrity and, when the check fails, logs one error and settles promises", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    addScriptTag();
    await import("../../../src/loader");
    const stub = win.OpencomWidget!;
    expect(typeof stub.init).toBe("function");
    expect(stub.getAvailableTours!()).toEqual([]);
    const visitor = stub.getVisitorId!();
    expect(visitor).toBeInstanceOf(Promise);

    // The boot chunk is fetched beside the runtime, not after it, with its own integrity.
    const links = [...document.head.querySelectorAll<HTMLLinkElement>("link[rel=modulepreload]")];
    expect(links.map((link) => [link.href, link.integrity, link.crossOrigin])).toEqual([
      [`http://127.0.0.1:9/${BOOT_CHUNK.file}`, BOOT_CHUNK.integrity, "anonymous"],
      [`http://127.0.0.1:9/${RUNTIME_ENTRY.file}`, RUNTIME_ENTRY.integrity, "anonymous"],
    ]);
    // A failed boot chunk says nothing itself: the runtime reports it when it imports it.
    links[0]!.dispatchEvent(new Event("error"));
    await Promise.resolve();
    expect(errors).not.toHaveBeenCalled();
    const preload = links[1]!;
    expect(preload.href).toBe(`http://127.0.0.1:9/${RUNTIME_ENTRY.file}`);
    expect(preload.integrity).toBe(RUNTIME_ENTRY.integrity);
    expect(preload.crossOrigin).toBe("anonymous");
    // What the browser does when the bytes don't match the hash.
    preload.dispatchEvent(new Event("error"));

    await expect(visitor).resolves.toBeNull();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toBe(
      `[OpencomWidget] could not load the widget runtime from http://127.0.0.1:9/${RUNTIME_ENTRY.file}`,
    );
    expect(String(errors.mock.calls[0]?.[1])).toContain("does not match its integrity");
    expect(document.head.querySelector("link[rel=modulepreload]")).toBeNull();
  });

  it("leaves an existing OpencomWidget alone when included twice", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const existing = { init: vi.fn() };
    win.OpencomWidget = existing as never;
    await import("../../../src/loader");
    expect(win.OpencomWidget).toBe(existing);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[OpencomWidget\] the widget script was included twice/);
  });
});
