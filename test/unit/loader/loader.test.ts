import { afterEach, describe, expect, it, vi } from "vitest";
import { version } from "../../../package.json";

type TestWindow = Window & { OpencomWidget?: Record<string, (...args: unknown[]) => unknown>; opencomSettings?: unknown };
const win = window as TestWindow;

afterEach(() => {
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
  it("installs a queuing OpencomWidget and, when the runtime cannot load, logs one error and settles promises", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    addScriptTag();
    await import("../../../src/loader");
    const stub = win.OpencomWidget!;
    expect(typeof stub.init).toBe("function");
    const tours = stub.getAvailableTours!();
    expect(tours).toBeInstanceOf(Promise);
    await expect(tours).resolves.toEqual([]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toBe(
      `[OpencomWidget] could not load the widget runtime from http://127.0.0.1:9/runtime/${version}/runtime.js`,
    );
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
