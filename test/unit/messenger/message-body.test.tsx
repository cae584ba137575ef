import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer } from "../../../src/messenger/panel/composer";
import { MessageBody } from "../../../src/messenger/panel/message-body";
import { SendingTooFast, soonestRetry } from "../../../src/messenger/panel/send-notice";
import type { OutboxEntry } from "../../../src/runtime/outbox";
import { freshContainer } from "../../support/dom-container";

let container: HTMLElement;

freshContainer((element) => (container = element));
afterEach(() => {
  vi.useRealTimers();
});

const show = (node: preact.ComponentChild) => act(() => void render(node, container));

/** The markdown renderer is its own chunk: wait for it to arrive and render. */
async function markdownBubble(): Promise<Element> {
  for (let i = 0; i < 200; i++) {
    const bubble = container.querySelector(".oc-markdown");
    if (bubble) return bubble;
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error("the markdown renderer never rendered");
}

describe("MessageBody", () => {
  it("renders plain text at once, as text, without loading the markdown renderer", () => {
    show(<MessageBody body={"Hello\nsecond line"} class="oc-delivered" />);
    const bubble = container.querySelector(".oc-bubble")!;
    expect(bubble.className).toBe("oc-bubble oc-plain oc-delivered");
    expect(bubble.textContent).toBe("Hello\nsecond line");
    expect(bubble.children).toHaveLength(0);
  });

  it("renders the markdown subset with safe links", async () => {
    show(<MessageBody body={"**Hi** _there_\n- see https://example.com/docs.\n- `npm i`"} class="oc-delivered" />);
    const bubble = await markdownBubble();
    expect(bubble.className).toBe("oc-bubble oc-markdown oc-delivered");
    expect(bubble.querySelector("strong")?.textContent).toBe("Hi");
    expect(bubble.querySelector("em")?.textContent).toBe("there");
    expect(bubble.querySelectorAll("li")).toHaveLength(2);
    const link = bubble.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://example.com/docs");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(bubble.querySelector("code")?.textContent).toBe("npm i");
  });

  it("keeps HTML and javascript: links as text", async () => {
    show(<MessageBody body={`<img src=x onerror="alert(1)"> [x](javascript:alert(1))`} class="oc-delivered" />);
    const bubble = await markdownBubble();
    expect(bubble.querySelector("img, a")).toBeNull();
    expect(bubble.textContent).toBe(`<img src=x onerror="alert(1)"> x`);
  });
});

const entry = (extra: Partial<OutboxEntry>): OutboxEntry => ({
  clientMessageId: "m",
  conversationKey: "c",
  body: "hi",
  createdAt: 1,
  status: "queued",
  ...extra,
});

describe("sending too fast", () => {
  it("finds the soonest retry among queued entries", () => {
    expect(soonestRetry([entry({}), entry({ status: "sent", retryAt: 5 })])).toBeNull();
    expect(soonestRetry([entry({ retryAt: 9 }), entry({ retryAt: 7 }), entry({})])).toBe(7);
  });

  it("counts down to the retry and tells screen readers the reason once", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
    show(<SendingTooFast retryAt={12_600} />);
    const notice = container.querySelector<HTMLElement>("[role=status]")!;
    expect(notice.textContent).toContain("Sending too fast — retrying in 3 s");
    expect(notice.querySelector("[aria-hidden=true]")?.textContent).toBe(" — retrying in 3 s");
    await act(async () => void (await vi.advanceTimersByTimeAsync(1_000)));
    expect(notice.textContent).toContain("retrying in 2 s");
    await act(async () => void (await vi.advanceTimersByTimeAsync(5_000)));
    expect(notice.textContent).toContain("retrying in 1 s"); // never 0 or negative
  });

  it("shows in the composer while the visitor waits, and goes away after", () => {
    show(<Composer onSend={() => {}} retryAt={Date.now() + 2_000} />);
    expect(container.querySelector(".oc-composer-hint [role=status]")?.textContent).toMatch(/^Sending too fast — retrying in 2 s/);
    show(<Composer onSend={() => {}} retryAt={null} />);
    expect(container.querySelector("[role=status]")).toBeNull();
  });
});
