import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { mount } from "../../../src/overlays/tooltip/index";
import type { OverlayHandle } from "../../../src/overlays/types";
import { until } from "../helpers/widget";
import { buttonNamed, overlayContext } from "./helpers";

const handles: OverlayHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy();
  document.body.replaceChildren();
});

const tip = (showOn?: string) => ({
  id: "tip1",
  selector: "#export",
  placement: "top",
  title: "Export",
  body: "As CSV",
  ...(showOn ? { showOn } : {}),
});

function start(item: unknown) {
  document.body.insertAdjacentHTML("beforeend", '<button id="export">Export</button>');
  const setup = overlayContext(item, { kind: "tooltip" });
  act(() => void handles.push(mount(setup.context)));
  const card = () => setup.shadow.querySelector<HTMLElement>('[role="dialog"]')!;
  const actions = () => setup.mutations.map((m) => m.args.action);
  return { ...setup, card, actions };
}

describe("tooltips", () => {
  it("opens by itself (without taking focus) and Got it dismisses it for good", async () => {
    const run = start(tip());
    expect(run.card().hidden).toBe(false);
    expect(run.card().getAttribute("aria-modal")).toBe("false");
    expect(run.shadow.activeElement).toBeNull();
    act(() => buttonNamed(run.shadow, "Got it").click());
    await until(() => expect(run.actions()).toEqual(["shown", "dismissed"]));
    expect(run.context.close).toHaveBeenCalled();
  });

  it("a hover tip opens while the pointer or focus is on its element", async () => {
    const run = start(tip("hover"));
    expect(run.card().hidden).toBe(true);
    const element = document.getElementById("export")!;
    act(() => void element.dispatchEvent(new MouseEvent("mouseenter")));
    await until(() => expect(run.card().hidden).toBe(false));
    expect(run.actions()).toEqual(["shown"]);
    act(() => void element.dispatchEvent(new MouseEvent("mouseleave")));
    await until(() => expect(run.card().hidden).toBe(true));
    act(() => void element.dispatchEvent(new FocusEvent("focusin")));
    await until(() => expect(run.card().hidden).toBe(false));
  });

  it("a click tip opens and closes from its beacon, which says whether it is open", () => {
    const run = start(tip("click"));
    const beacon = buttonNamed(run.shadow, "Show tip: Export");
    expect(beacon.getAttribute("aria-expanded")).toBe("false");
    act(() => beacon.click());
    expect(run.card().hidden).toBe(false);
    expect(beacon.getAttribute("aria-expanded")).toBe("true");
    act(() => beacon.click());
    expect(run.card().hidden).toBe(true);
  });

  it("closes quietly when its element is not on the page", async () => {
    const setup = overlayContext(tip(), { kind: "tooltip" });
    act(() => void handles.push(mount(setup.context)));
    await until(() => expect(setup.context.close).toHaveBeenCalled());
    expect(setup.mutations).toEqual([]);
  });
});
