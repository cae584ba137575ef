import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { mount } from "../../../src/overlays/tour/index";
import type { OverlayHandle } from "../../../src/overlays/types";
import { until } from "../helpers/widget";
import { buttonNamed, overlayContext } from "./helpers";

const handles: OverlayHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy();
  document.body.replaceChildren();
});

const modal = (title: string) => ({ kind: "modal", title, body: `About ${title}` });
const tour = (steps: unknown[], progress: { status?: string; stepIndex?: number } = {}) => ({
  id: "t1",
  name: "Tour",
  status: progress.status ?? "new",
  stepIndex: progress.stepIndex ?? 0,
  steps,
});

function start(item: unknown) {
  const setup = overlayContext(item);
  act(() => void handles.push(mount(setup.context)));
  const dialog = () => setup.shadow.querySelector<HTMLElement>('[role="dialog"]');
  const title = () => dialog()?.querySelector("h2")?.textContent ?? null;
  const progress = () => setup.mutations.filter((m) => m.name === "tours:recordProgress").map((m) => `${m.args.stepIndex}:${m.args.status}`);
  return { ...setup, dialog, title, progress };
}

describe("the tour overlay", () => {
  it("shows a modal step as a labelled modal dialog with its position, and saves every step", async () => {
    const run = start(tour([modal("One"), modal("Two"), modal("Three")]));
    expect(run.title()).toBe("One");
    const dialog = run.dialog()!;
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(run.shadow.getElementById(dialog.getAttribute("aria-labelledby")!)?.textContent).toBe("One");
    expect(dialog.textContent).toContain("Step 1 of 3");
    await until(() => expect(run.shadow.activeElement?.textContent).toBe("Next")); // keyboard users land on Next

    act(() => buttonNamed(run.shadow, "Next").click());
    expect(run.title()).toBe("Two");
    act(() => buttonNamed(run.shadow, "Back").click());
    expect(run.title()).toBe("One");
    act(() => void dialog.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })));
    act(() => buttonNamed(run.shadow, "Next").click());
    expect(run.title()).toBe("Three");
    act(() => buttonNamed(run.shadow, "Done").click());
    await until(() => expect(run.context.close).toHaveBeenCalled());
    expect(run.progress()).toEqual(["0:in_progress", "1:in_progress", "0:in_progress", "1:in_progress", "2:in_progress", "2:completed"]);
  });

  it("resumes an in-progress tour at its saved step", () => {
    const run = start(tour([modal("One"), modal("Two")], { status: "in_progress", stepIndex: 1 }));
    expect(run.title()).toBe("Two");
    expect(run.progress()).toEqual(["1:in_progress"]);
  });

  it("closes as dismissed on Escape", async () => {
    const run = start(tour([modal("One"), modal("Two")]));
    act(() => void run.dialog()!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    await until(() => expect(run.context.close).toHaveBeenCalled());
    expect(run.progress().at(-1)).toBe("0:dismissed");
  });

  it("waits for a pointer step's element, then points at it", async () => {
    const run = start(tour([{ kind: "pointer", selector: "#late", title: "Late", body: "", waitForElementMs: 2000 }]));
    expect(run.dialog()).toBeNull();
    const late = document.createElement("button");
    late.id = "late";
    document.body.append(late);
    await until(() => expect(run.title()).toBe("Late"));
    expect(run.dialog()?.getAttribute("aria-modal")).toBe("false");
    expect(run.dialog()?.classList.contains("oc-anchored")).toBe(true);
  });

  it("skips a pointer step whose element never comes, or ends the tour if told to", async () => {
    const skip = start(tour([{ kind: "pointer", selector: "#never", title: "Gone", body: "", waitForElementMs: 30 }, modal("After")]));
    await until(() => expect(skip.title()).toBe("After"));
    await until(() => expect(skip.progress()).toEqual(["0:in_progress", "1:in_progress"]));

    const end = start(tour([{ kind: "pointer", selector: "#never", title: "Gone", body: "", waitForElementMs: 30, onMissing: "end" }, modal("After")]));
    await until(() => expect(end.context.close).toHaveBeenCalled());
    expect(end.progress()).toEqual(["0:in_progress", "0:dismissed"]);
  });

  it("closes itself with a log line when the tour is malformed", async () => {
    const run = start({ id: "t1", steps: "nope" });
    await until(() => expect(run.context.close).toHaveBeenCalled());
    expect(run.dialog()).toBeNull();
  });
});
