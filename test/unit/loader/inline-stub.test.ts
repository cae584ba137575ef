import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inlineStubCalls } from "../../../src/loader/inline-stub";
import { API_METHODS } from "../../../src/sdk/methods";

const ROOT = join(import.meta.dirname, "../../..");
type TestWindow = Window & { OpencomWidget?: Record<string, (...args: unknown[]) => unknown> & { _q?: unknown[] } };
const win = window as TestWindow;

/** The inline snippet as the README shows it (and docs/js-api.md, identically). */
function documentedSnippet(): string {
  const line = (file: string) => readFileSync(join(ROOT, file), "utf8").split("\n").find((text) => text.startsWith("<script>window.OpencomWidget||"));
  const readme = line("README.md");
  expect(readme).toBeDefined();
  expect(line("docs/js-api.md")).toBe(readme);
  return readme!.replace(/^<script>/, "").replace(/<\/script>$/, "");
}

beforeEach(() => {
  (globalThis as { __OPENCOM_RUNTIME__?: unknown }).__OPENCOM_RUNTIME__ = { file: "runtime/9.9.9/runtime-x.js", integrity: "sha384-x" };
});
afterEach(() => {
  delete (globalThis as { __OPENCOM_RUNTIME__?: unknown }).__OPENCOM_RUNTIME__;
  delete win.OpencomWidget;
  document.head.replaceChildren();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("the inline snippet", () => {
  it("defines every method of the API, records calls in order, and leaves an existing OpencomWidget alone", () => {
    new Function(documentedSnippet())();
    expect(Object.keys(win.OpencomWidget!).filter((key) => key !== "_q").sort()).toEqual([...API_METHODS].sort());
    const listener = () => {};
    expect(() => win.OpencomWidget!["on"]!("unreadCountChange", listener)).not.toThrow();
    win.OpencomWidget!["trackEvent"]!("signed_up", { plan: "pro" });
    expect(inlineStubCalls(win.OpencomWidget)).toEqual([
      { method: "on", args: ["unreadCountChange", listener] },
      { method: "trackEvent", args: ["signed_up", { plan: "pro" }] },
    ]);
    const stub = win.OpencomWidget;
    new Function(documentedSnippet())(); // pasted twice, or after the tag: no harm
    expect(win.OpencomWidget).toBe(stub);
  });

  it("is taken over by the loader, without the 'included twice' warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    new Function(documentedSnippet())();
    const inline = win.OpencomWidget;
    win.OpencomWidget!["on"]!("ready", () => {});
    await import("../../../src/loader");
    expect(win.OpencomWidget).not.toBe(inline);
    expect(win.OpencomWidget!["getAvailableTours"]!()).toEqual([]); // the loader's own stand-in now
    expect(warn).not.toHaveBeenCalled();
  });

  it("ignores entries that are not calls of the API", () => {
    expect(inlineStubCalls({ _q: [["on", ["ready"]], ["hack", []], "junk", ["open"]] })).toEqual([
      { method: "on", args: ["ready"] },
      { method: "open", args: [] },
    ]);
    expect(inlineStubCalls({ init() {} })).toBeNull();
    expect(inlineStubCalls(undefined)).toBeNull();
  });
});
