import { afterEach, describe, expect, it, vi } from "vitest";
import { mountOverlay } from "../../../src/overlays/shared/mount";
import { until } from "../helpers/widget";
import { overlayContext } from "./helpers";

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error("kaboom");
}

describe("mountOverlay", () => {
  it("styles the overlay with adopted sheets only", () => {
    const { context, shadow } = overlayContext({ text: "hi" });
    const handle = mountOverlay(context, { name: "test", css: ".x{color:red}", parse: (v) => v as { text: string }, view: (item) => <p class="x">{item.text}</p> });
    expect(shadow.textContent).toBe("hi");
    expect(shadow.adoptedStyleSheets.length).toBeGreaterThanOrEqual(3); // shared, own, positions
    expect(shadow.querySelectorAll("style, [style]")).toHaveLength(0);
    handle.destroy();
    expect(shadow.textContent).toBe("");
  });

  it("contains a failing overlay: it logs, closes itself, and the page carries on", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { context, container } = overlayContext({});
    mountOverlay(context, { name: "tour", css: "", parse: (v) => v, view: () => <Broken /> });
    await until(() => expect(context.close).toHaveBeenCalled());
    expect(container.textContent).toBe("");
    expect(String(error.mock.calls[0]?.[0])).toBe("[OpencomWidget] the tour failed and was closed");
  });

  it("closes on a malformed item, but keeps the last good one when an update is malformed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const parse = (v: unknown) => (typeof v === "string" ? v : null);
    const bad = overlayContext(42);
    mountOverlay(bad.context, { name: "survey", css: "", parse, view: (text) => <p>{text}</p> });
    await until(() => expect(bad.context.close).toHaveBeenCalled());

    const good = overlayContext("first");
    const handle = mountOverlay(good.context, { name: "survey", css: "", parse, view: (text) => <p>{text}</p> });
    handle.update(null);
    expect(good.container.textContent).toBe("first");
    handle.update("second");
    expect(good.container.textContent).toBe("second");
    expect(good.context.close).not.toHaveBeenCalled();
  });
});
