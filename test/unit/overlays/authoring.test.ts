import { getFunctionName, type FunctionReference } from "convex/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountAuthoring } from "../../../src/overlays/authoring/index";
import { selectorFor } from "../../../src/overlays/authoring/dom-element";
import { startPicker } from "../../../src/overlays/authoring/picker";
import { convexError } from "../helpers/fake-client";
import { until } from "../helpers/widget";
import { buttonNamed, shadowHost } from "./helpers";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
});

function page(): void {
  document.body.insertAdjacentHTML(
    "beforeend",
    `<main id="content">
       <section><article class="kpi"><h2>Users</h2></article><article class="kpi"><h2>Sessions</h2></article></section>
       <section><article><button data-tour="export-button">Export</button><button>Share</button></article><article></article></section>
     </main>`,
  );
}

describe("selectors for picked elements", () => {
  it("prefers data attributes, else a short path from an element with an id", () => {
    page();
    expect(selectorFor(document, document.querySelector("[data-tour]")!)).toEqual({
      selector: '[data-tour="export-button"]',
      matches: 1,
      unique: true,
    });
    const sessions = document.querySelectorAll(".kpi")[1]!;
    const picked = selectorFor(document, sessions);
    expect(picked).toEqual({ selector: "#content > section:nth-of-type(1) > article:nth-of-type(2)", matches: 1, unique: true });
    expect(document.querySelector(picked.selector)).toBe(sessions);
  });
});

describe("the element picker", () => {
  it("highlights on hover, picks on click (the page never sees it), cancels on Escape", () => {
    page();
    const { host } = shadowHost();
    const handlers = { onHover: vi.fn(), onPick: vi.fn(), onCancel: vi.fn() };
    const pageClick = vi.fn();
    document.addEventListener("click", pageClick);
    cleanups.push(startPicker(document, host, handlers), () => document.removeEventListener("click", pageClick));

    const share = [...document.querySelectorAll("button")][1]!;
    share.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect(handlers.onHover).toHaveBeenCalledWith(share);
    share.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    expect(handlers.onPick).toHaveBeenCalledWith(share);
    expect(pageClick).not.toHaveBeenCalled();

    host.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })); // the widget itself is never offered
    expect(handlers.onHover).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(handlers.onCancel).toHaveBeenCalled();
  });

  it("walks the page with the arrow keys and picks with Enter", () => {
    page();
    const { host } = shadowHost();
    const handlers = { onHover: vi.fn(), onPick: vi.fn(), onCancel: vi.fn() };
    cleanups.push(startPicker(document, host, handlers));
    const key = (name: string) => window.dispatchEvent(new KeyboardEvent("keydown", { key: name }));
    key("ArrowDown"); // body
    key("ArrowDown"); // main
    key("ArrowDown"); // first section
    key("ArrowRight"); // second section
    key("ArrowDown"); // its article
    key("Enter");
    expect(handlers.onPick).toHaveBeenCalledWith(document.querySelectorAll("article")[2]);
  });
});

describe("authoring mode", () => {
  function start(watchValue: (onValue: (v: unknown) => void, onError: (e: Error) => void) => void, mutate = vi.fn(async (_mutation: FunctionReference<"mutation">, _args: Record<string, unknown>) => null)) {
    const { shadow } = shadowHost();
    const container = document.createElement("div");
    shadow.append(container);
    cleanups.push(
      mountAuthoring({
        win: window as Window & typeof globalThis,
        shadow,
        container,
        token: "oat_test",
        watch: (_name, _args, onValue, onError) => {
          watchValue(onValue, onError);
          return () => {};
        },
        mutate,
      }),
    );
    return { shadow, mutate };
  }

  it("says clearly when the link has expired", async () => {
    const { shadow } = start((_onValue, onError) =>
      onError(convexError({ code: "AUTHORING_TOKEN_EXPIRED", message: "This authoring link has expired. Start again from the editor." })),
    );
    await until(() => expect(shadow.querySelector('[role="alert"]')?.textContent).toBe("This authoring link has expired. Start again from the editor."));
  });

  it("shows the target, picks an element and saves its selector", async () => {
    page();
    const description = {
      expiresAt: Date.now() + 60_000,
      target: { type: "tourStep", tourId: "t1", tourName: "Welcome", stepIndex: 1, stepCount: 3, step: { kind: "modal", title: "Numbers", selector: null } },
    };
    const { shadow, mutate } = start((onValue) => onValue(description));
    await until(() => expect(shadow.textContent).toContain("Tour “Welcome” · step 2 of 3 · “Numbers”"));
    buttonNamed(shadow, "Pick an element").click();
    await until(() => expect(shadow.textContent).toContain("Point at an element"));
    document.querySelector("[data-tour]")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    await until(() => expect(shadow.textContent).toContain("unique on this page"));
    buttonNamed(shadow, "Save selector").click();
    await until(() => expect(shadow.textContent).toContain("Saved"));
    expect(mutate.mock.calls.map(([mutation, args]) => [getFunctionName(mutation), args])).toEqual([
      ["authoring:saveSelector", { authoringToken: "oat_test", selector: '[data-tour="export-button"]' }],
    ]);
  });
});
