import { render } from "preact";
import { act } from "preact/test-utils";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { BotReply } from "../../../../src/messenger/panel/bot-reply/index";
import { XSS_PAYLOADS } from "../../../fixtures/xss-payloads";
import { freshContainer } from "../../../support/dom-container";

type Trapped = Window & { __xss?: (name: string) => void };
const trap = vi.fn();
let container: HTMLElement;

beforeAll(() => {
  (window as Trapped).__xss = trap;
  vi.stubGlobal("alert", trap);
});
afterAll(() => {
  delete (window as Trapped).__xss;
  vi.unstubAllGlobals();
});
freshContainer((element) => (container = element));

const choose = vi.fn(async () => undefined);
const actions = { choose, addStyles: () => undefined };

function show(response: unknown, answered = false) {
  act(() => {
    render(<BotReply bot={{ messageId: "m1", response, showAt: 0, answered }} actions={actions} />, container);
  });
}

const card = (title: string, subtitle = "sub", buttons: unknown[] = [{ type: "postback", title: "Pick", value: "p" }]) => ({
  title,
  subtitle,
  imageUrl: "https://x.test/i.png",
  buttons,
});

describe("bot replies", () => {
  test("quick replies are chips that send the choice by index and go away once chosen", async () => {
    show({ type: "quickReplies", delay: 100, title: "Urgent?", buttons: [{ type: "postback", title: "Yes", value: "y" }, { type: "goto", title: "Back", value: "0e1a2425-76e3-49fd-bfc0-547603ab1fe3" }] });
    const chips = container.querySelector('[role="group"][aria-label="Quick replies"]');
    expect([...(chips?.querySelectorAll("button") ?? [])].map((b) => b.textContent)).toEqual(["Yes", "Back"]);
    act(() => (chips?.querySelectorAll("button")[1] as HTMLButtonElement).click());
    expect(choose).toHaveBeenCalledWith("m1", 1, undefined);
    expect(container.querySelector('[aria-label="Quick replies"]')).toBeNull();
    show({ type: "quickReplies", delay: 100, title: "Again?", buttons: [{ type: "postback", title: "Yes", value: "y" }] }, true);
    expect(container.querySelector('[aria-label="Quick replies"]')).toBeNull();
  });

  test("cards are a carousel the arrow keys move, focus staying on its control", () => {
    show({ type: "cards", delay: 100, elements: [card("One"), card("Two"), card("Three")] });
    const region = container.querySelector('[role="region"][aria-roledescription="carousel"]') as HTMLElement;
    const next = region.querySelector('[aria-label="Next card"]') as HTMLButtonElement;
    next.focus();
    act(() => {
      next.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    });
    expect(region.textContent).toContain("Two");
    expect(region.querySelector('[aria-roledescription="slide"]')?.getAttribute("aria-label")).toBe("2 of 3");
    expect(document.activeElement).toBe(next);
    act(() => next.click());
    expect(region.textContent).toContain("Three");
    expect(next.getAttribute("aria-disabled")).toBe("true");
    act(() => next.click());
    expect(region.textContent).toContain("Three");
    act(() => (region.querySelector("button.oc-bot-button") as HTMLButtonElement).click());
    expect(choose).toHaveBeenLastCalledWith("m1", 0, 2);
  });

  test("links open checked http(s) URLs in a new tab, phones dial, webviews open a sandboxed sheet", () => {
    show({
      type: "buttons",
      delay: 100,
      title: "More",
      buttons: [
        { type: "url", title: "Docs", value: "https://x.test/docs" },
        { type: "phone", title: "Call", value: "+15555550100" },
        { type: "webview", title: "Preview", value: "https://x.test/view", height: "full" },
      ],
    });
    const link = container.querySelector('a[href="https://x.test/docs"]');
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(container.querySelector('a[href="tel:+15555550100"]')).not.toBeNull();
    act(() => ([...container.querySelectorAll("button")].find((b) => b.textContent === "Preview") as HTMLButtonElement).click());
    const sheet = container.querySelector('[role="dialog"]');
    expect(sheet?.className).toContain("oc-webview-full");
    expect(sheet?.querySelector("iframe")?.getAttribute("sandbox")).toBe("allow-scripts allow-forms allow-popups");
  });

  test("a response that breaks the rules shows nothing", () => {
    show({ type: "buttons", delay: 100, title: "T", buttons: [{ type: "url", title: "x", value: "javascript:alert(1)" }] });
    expect(container.innerHTML).toBe("");
  });
});

/** Every text field a response has, each given the payload (where the field's length allows). */
function responsesCarrying(payload: string): unknown[] {
  const short = payload.slice(0, 20);
  const button = (type: string) => ({ type, title: short, value: type === "phone" ? "+123" : type === "goto" ? "0e1a2425-76e3-49fd-bfc0-547603ab1fe3" : type === "postback" ? payload : "https://x.test/a" });
  return [
    { type: "text", delay: 100, message: payload.slice(0, 1024) },
    { type: "quickReplies", delay: 100, title: payload.slice(0, 640), buttons: [button("postback"), button("goto")] },
    { type: "buttons", delay: 100, title: payload.slice(0, 640), buttons: ["postback", "url", "webview", "phone"].map(button) },
    { type: "cards", delay: 100, elements: [card(payload.slice(0, 80), payload.slice(0, 80), ["postback", "url", "phone"].map(button))] },
  ];
}

const ALLOWED = new Set(["div", "p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "br", "button", "span", "img"]);

describe.each(XSS_PAYLOADS)("XSS payload $name in every text field of a response", ({ payload }) => {
  test("renders as text and runs nothing", async () => {
    for (const response of responsesCarrying(payload)) {
      show(response);
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const element of container.querySelectorAll("*")) {
        expect(ALLOWED.has(element.tagName.toLowerCase()), element.tagName).toBe(true);
        for (const { name, value } of element.attributes) {
          expect(name.toLowerCase().startsWith("on"), name).toBe(false);
          if (name === "href") expect(value).toMatch(/^(https?:\/\/|mailto:|tel:\+\d)/);
          if (name === "src") expect(value).toMatch(/^https:\/\/x\.test\//);
        }
      }
    }
    expect(trap).not.toHaveBeenCalled();
  });
});
