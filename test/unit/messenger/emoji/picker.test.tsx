import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { messages as arabic } from "../../../../src/i18n/ar";
import { Composer } from "../../../../src/messenger/panel/composer";
import { I18nProvider } from "../../../../src/messenger/panel/i18n";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

const until = async (find: () => Element | null | undefined): Promise<Element> => {
  await vi.waitFor(() => expect(find()).toBeTruthy(), { timeout: 5000 });
  return find()!;
};

function mount(addStyles = vi.fn(), onSend = vi.fn()) {
  act(() => render(<Composer onSend={onSend} addStyles={addStyles} />, container));
  return { textarea: container.querySelector("textarea")!, addStyles, onSend };
}

const key = (target: Element, init: KeyboardEventInit) =>
  act(() => void target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })));
const button = () => container.querySelector<HTMLButtonElement>("button[aria-label='Insert emoji']")!;
const picker = () => container.querySelector("[role=dialog]");
const activeOption = () => container.querySelector("[role=option][aria-selected=true]");

async function openPicker() {
  act(() => button().click());
  const dialog = await until(picker);
  // The picker renders once its chunk has loaded; its search field takes focus then.
  await until(() => (document.activeElement?.matches("input[type=search]") ? document.activeElement : null));
  return dialog;
}

describe("the composer's emoji picker", () => {
  it("loads on the first press, adopts its stylesheet, and focuses its search field", async () => {
    const { addStyles } = mount();
    expect(button().getAttribute("aria-expanded")).toBe("false");
    expect(picker()).toBeNull();
    const dialog = await openPicker();
    expect(dialog.getAttribute("aria-label")).toBe("Emoji");
    expect(button().getAttribute("aria-expanded")).toBe("true");
    expect(addStyles).toHaveBeenCalledTimes(1);
    expect(addStyles.mock.calls[0]![0]).toContain(".oc-emoji-grid");
    // One group at a time: the first, smileys.
    expect(container.querySelector("[role=listbox]")?.getAttribute("aria-label")).toBe("Smileys & emotion");
    expect(container.querySelectorAll("[role=option]").length).toBeGreaterThan(100);
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Search emoji");
  });

  it("moves with the arrow keys and inserts the chosen emoji at the caret on Enter", async () => {
    const { textarea } = mount();
    act(() => {
      textarea.value = "Hi there";
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      textarea.setSelectionRange(2, 2);
    });
    await openPicker();
    key(document.activeElement!, { key: "ArrowDown" });
    expect(activeOption()?.textContent).toBe("😀");
    expect(document.activeElement).toBe(activeOption());
    key(activeOption()!, { key: "ArrowRight" });
    expect(activeOption()?.textContent).toBe("😃");
    key(activeOption()!, { key: "ArrowDown" }); // eight to a row
    expect(activeOption()?.getAttribute("data-index")).toBe("9");
    key(activeOption()!, { key: "ArrowUp" });
    key(activeOption()!, { key: "Enter" });
    expect(textarea.value).toBe("Hi😃 there");
    expect(document.activeElement).toBe(textarea);
    expect(picker()).toBeNull();
  });

  it("searches, picks the first result on Enter, and says when nothing matches", async () => {
    const { textarea } = mount();
    await openPicker();
    const search = container.querySelector<HTMLInputElement>("input[type=search]")!;
    act(() => {
      search.value = "zzqqxx";
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect((await until(() => container.querySelector("[role=status]"))).textContent).toBe("No emoji found.");
    act(() => {
      search.value = "red heart";
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await until(() => container.querySelector("[role=option]"));
    expect(container.querySelector("[role=listbox]")?.getAttribute("aria-label")).toBe("Search results");
    key(search, { key: "Enter" });
    expect(textarea.value).toBe("❤️");
  });

  it("closes on Escape without closing the messenger, and hands focus back to its button", async () => {
    mount();
    const outer = vi.fn();
    container.addEventListener("keydown", outer);
    await openPicker();
    key(document.activeElement!, { key: "Escape" });
    expect(picker()).toBeNull();
    expect(outer).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button());
  });

  it("changes group from its button or with Page Up and Down, and closes on a press outside", async () => {
    mount();
    await openPicker();
    act(() => container.querySelector<HTMLButtonElement>("button[aria-label='Flags']")!.click());
    await vi.waitFor(() => expect(document.activeElement?.closest("[role=listbox]")?.getAttribute("aria-label")).toBe("Flags"));
    expect(activeOption()).toBe(document.activeElement);
    expect(container.querySelector("button[aria-label='Flags']")?.getAttribute("aria-pressed")).toBe("true");
    // Page Up goes back a group, Page Down on from the last wraps to the first.
    key(activeOption()!, { key: "PageUp" });
    await vi.waitFor(() => expect(document.activeElement?.closest("[role=listbox]")?.getAttribute("aria-label")).toBe("Symbols"));
    key(activeOption()!, { key: "PageDown" });
    key(activeOption()!, { key: "PageDown" });
    await vi.waitFor(() => expect(document.activeElement?.closest("[role=listbox]")?.getAttribute("aria-label")).toBe("Smileys & emotion"));
    act(() => void document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true })));
    expect(picker()).toBeNull();
  });

  it("speaks the visitor's language and mirrors the arrow keys right to left", async () => {
    container.dir = "rtl"; // as the widget's root is for Arabic
    act(() =>
      render(
        <I18nProvider locale="ar" initial={{ locale: "ar", t: arabic }}>
          <Composer onSend={vi.fn()} addStyles={vi.fn()} />
        </I18nProvider>,
        container,
      ),
    );
    act(() => container.querySelector<HTMLButtonElement>(`button[aria-label='${arabic.emoji.open}']`)!.click());
    const dialog = await until(picker);
    expect(dialog.getAttribute("aria-label")).toBe(arabic.emoji.dialog);
    await until(() => (document.activeElement?.matches("input[type=search]") ? document.activeElement : null));
    key(document.activeElement!, { key: "ArrowDown" });
    key(activeOption()!, { key: "ArrowLeft" });
    expect(activeOption()?.getAttribute("data-index")).toBe("1");
  });
});
