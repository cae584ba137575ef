import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { TicketReplies } from "../../../../../src/messenger/tabs/tickets/ticket-replies";
import type { TicketReply } from "../../../../../src/messenger/tabs/tickets/wire";
import type { MessengerController } from "../../../../../src/messenger/types";
import { freshContainer } from "../../../../support/dom-container";

let container: HTMLElement;

freshContainer((element) => (container = element));

const REPLIES: TicketReply[] = [
  { id: "r1", author: "agent", authorName: "Bo", body: "Which browser?", createdAt: Date.UTC(2026, 0, 12, 10) },
  { id: "r2", author: "visitor", authorName: "Alice", body: "Firefox", createdAt: Date.UTC(2026, 0, 12, 11) },
  { id: "r3", author: "agent", authorName: null, body: "Fixed", createdAt: Date.UTC(2026, 0, 12, 12) },
];

function mount(mutate: (...args: unknown[]) => Promise<unknown>, canReply = true, replies = REPLIES) {
  const controller = { mutate } as unknown as MessengerController;
  act(() => {
    render(<TicketReplies controller={controller} ticketId="t1" replies={replies} canReply={canReply} />, container);
  });
  return { textarea: container.querySelector("textarea"), form: container.querySelector("form") };
}

async function submit(form: HTMLFormElement, textarea: HTMLTextAreaElement, value: string) {
  await act(async () => {
    textarea.value = value;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await act(async () => {
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  });
}

describe("TicketReplies", () => {
  it("shows the conversation: the visitor as You, the team by name or as the support team", () => {
    mount(vi.fn());
    const authors = [...container.querySelectorAll(".oc-ticket-reply-meta span")].map((node) => node.textContent);
    expect(authors).toEqual(["Bo", "You", "Support team"]);
    expect([...container.querySelectorAll(".oc-ticket-reply-body")].map((node) => node.textContent)).toEqual(["Which browser?", "Firefox", "Fixed"]);
    expect(container.querySelector("label")?.textContent).toBe("Your reply");
  });

  it("sends the trimmed reply for this ticket and clears the box", async () => {
    const mutate = vi.fn(async () => ({ id: "r4" }));
    const { form, textarea } = mount(mutate);
    await submit(form!, textarea!, "  It works now  ");
    expect(mutate).toHaveBeenCalledWith(expect.anything(), { ticketId: "t1", body: "It works now" });
    expect(textarea!.value).toBe("");
    expect(container.querySelector("[role=alert]")).toBeNull();
  });

  it("refuses an empty reply without calling the server, and says when sending failed", async () => {
    const mutate = vi.fn(async () => {
      throw new Error("offline");
    });
    const { form, textarea } = mount(mutate);
    await submit(form!, textarea!, "   ");
    expect(mutate).not.toHaveBeenCalled();
    expect(container.querySelector("[role=alert]")?.textContent).toBe("Your reply is required.");
    expect(textarea!.getAttribute("aria-invalid")).toBe("true");
    await submit(form!, textarea!, "hello");
    expect(container.querySelector("[role=alert]")?.textContent).toBe("Your reply could not be sent.");
    expect(textarea!.value).toBe("hello");
  });

  it("shows a team reply's files: an image as a thumbnail, a PDF as a download link with its size", () => {
    const withFiles: TicketReply[] = [
      {
        id: "r5",
        author: "agent",
        authorName: "Bo",
        body: "",
        createdAt: Date.UTC(2026, 0, 12, 13),
        attachments: [
          { name: "screen.png", contentType: "image/png", size: 2048, url: "https://site.example.com/widget/files/aaa" },
          { name: "invoice.pdf", contentType: "application/pdf", size: 20, url: "https://site.example.com/widget/files/bbb" },
        ],
      },
    ];
    mount(vi.fn(), false, withFiles);
    expect(container.querySelector(".oc-ticket-reply-body")).toBeNull();
    expect(container.querySelector<HTMLImageElement>(".oc-file-image img")?.getAttribute("src")).toBe("https://site.example.com/widget/files/aaa");
    const link = container.querySelector<HTMLAnchorElement>("a.oc-file");
    expect(link?.getAttribute("href")).toBe("https://site.example.com/widget/files/bbb");
    expect(link?.getAttribute("download")).toBe("invoice.pdf");
    expect(link?.textContent).toBe("invoice.pdf (20 bytes)");
  });

  it("offers no reply box on a cancelled ticket, and shows nothing when there is nothing to show", () => {
    mount(vi.fn(), false);
    expect(container.querySelector("form")).toBeNull();
    expect(container.querySelectorAll(".oc-ticket-reply")).toHaveLength(3);
    mount(vi.fn(), false, []);
    expect(container.innerHTML).toBe("");
  });
});
