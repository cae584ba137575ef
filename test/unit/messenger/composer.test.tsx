import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { Composer } from "../../../src/messenger/panel/composer";
import { freshContainer } from "../../support/dom-container";

let container: HTMLElement;

freshContainer((element) => (container = element));

function mount(onSend = vi.fn(), initialText?: string) {
  act(() => {
    render(<Composer onSend={onSend} {...(initialText !== undefined ? { initialText } : {})} />, container);
  });
  const textarea = container.querySelector("textarea")!;
  return { onSend, textarea };
}

function type(textarea: HTMLTextAreaElement, value: string) {
  act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function press(textarea: HTMLTextAreaElement, init: KeyboardEventInit) {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  act(() => {
    textarea.dispatchEvent(event);
  });
  return event;
}

describe("Composer", () => {
  it("has a textbox named Message and a Send button", () => {
    const { textarea } = mount();
    expect(textarea.getAttribute("aria-label")).toBe("Message");
    expect(container.querySelector("button[type=submit]")?.getAttribute("aria-label")).toBe("Send");
  });

  it("sends the trimmed text on Enter and clears the box", () => {
    const { onSend, textarea } = mount();
    type(textarea, "  Hello there  ");
    const event = press(textarea, { key: "Enter" });
    expect(event.defaultPrevented).toBe(true);
    expect(onSend).toHaveBeenCalledWith("Hello there", []);
    expect(textarea.value).toBe("");
  });

  it("keeps Shift+Enter for a new line", () => {
    const { onSend, textarea } = mount();
    type(textarea, "line one");
    const event = press(textarea, { key: "Enter", shiftKey: true });
    expect(event.defaultPrevented).toBe(false);
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe("Composer limits", () => {
  it("refuses an empty message with a reason and sends nothing", () => {
    const { onSend, textarea } = mount();
    type(textarea, "   \n  ");
    press(textarea, { key: "Enter" });
    expect(onSend).not.toHaveBeenCalled();
    expect(container.querySelector("[role=alert]")?.textContent).toMatch(/write something/i);
  });

  it("shows a counter near the limit and refuses an oversized message", () => {
    const { onSend, textarea } = mount();
    type(textarea, "a".repeat(4000));
    expect(container.querySelector(".oc-counter")).toBeNull();

    type(textarea, "a".repeat(4600));
    expect(container.querySelector(".oc-counter")?.textContent).toBe("4,600 / 5,000");

    type(textarea, "a".repeat(5001));
    expect(textarea.getAttribute("aria-invalid")).toBe("true");
    expect(container.querySelector(".oc-counter")?.classList.contains("oc-over")).toBe(true);
    press(textarea, { key: "Enter" });
    expect(onSend).not.toHaveBeenCalled();
    expect(container.querySelector("[role=alert]")?.textContent).toMatch(/too long/i);
    expect(textarea.value).toHaveLength(5001); // nothing the visitor wrote is thrown away
  });

  it("accepts exactly 5,000 characters", () => {
    const { onSend, textarea } = mount();
    type(textarea, "b".repeat(5000));
    press(textarea, { key: "Enter" });
    expect(onSend).toHaveBeenCalledWith("b".repeat(5000), []);
  });

  it("does not send while an IME composition is confirmed with Enter", () => {
    const { onSend, textarea } = mount();
    type(textarea, "にほん");
    press(textarea, { key: "Enter", isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it("starts with the text handed over by showNewMessage", () => {
    const { textarea, onSend } = mount(vi.fn(), "Prefilled question");
    expect(textarea.value).toBe("Prefilled question");
    act(() => {
      container.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    });
    expect(onSend).toHaveBeenCalledWith("Prefilled question", []);
  });
});
