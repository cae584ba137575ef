import { describe, expect, it } from "vitest";
import { plainText } from "../../../inbox/src/chats/plain-text";
import { neighbourId, shortcutFor } from "../../../inbox/src/chats/shortcuts";
import { seenMessageId, timeline } from "../../../inbox/src/chats/timeline";
import { hrefOf, parseRoute } from "../../../inbox/src/routes";
import { convexUrlOf } from "../../../inbox/src/config";
import { replyFileRefusal } from "../../../inbox/src/chats/use-reply-files";
import type { InboxMessage } from "../../../convex/inboxMessages";
import type { InboxNote } from "../../../convex/lib/inboxViews";

const message = (id: string, senderType: InboxMessage["senderType"], createdAt: number): InboxMessage =>
  ({ _id: id, conversationId: "c", senderType, body: id, createdAt }) as unknown as InboxMessage;
const note = (id: string, createdAt: number): InboxNote => ({ _id: id, authorName: "Ada", body: id, createdAt }) as unknown as InboxNote;

describe("conversation list previews", () => {
  it("are plain text: markdown marks dropped, links as their text, lines joined", () => {
    expect(plainText("I **need** help with `order #12`")).toBe("I need help with order #12");
    expect(plainText("see [the docs](https://example.com/x) and *this*\n- one\n- two")).toBe("see the docs and this one two");
    expect(plainText("<b>raw html</b> stays text")).toBe("<b>raw html</b> stays text");
  });
});

describe("the conversation timeline", () => {
  it("interleaves messages and internal notes by time", () => {
    const entries = timeline([message("m1", "visitor", 1), message("m2", "agent", 3)], [note("n1", 2)]);
    expect(entries.map((e) => (e.kind === "message" ? e.message._id : e.note._id))).toEqual(["m1", "n1", "m2"]);
  });

  it("marks the team's last message seen only when the visitor read it after it was sent", () => {
    const messages = [message("m1", "agent", 10), message("m2", "visitor", 20), message("m3", "agent", 30)];
    expect(seenMessageId(messages, null)).toBeNull();
    expect(seenMessageId(messages, 25)).toBeNull();
    expect(seenMessageId(messages, 30)).toBe("m3");
    expect(seenMessageId([message("v", "visitor", 1)], 99)).toBeNull();
  });
});

describe("routes", () => {
  it("round-trip through the hash", () => {
    for (const route of [
      { screen: "chats", conversationId: null },
      { screen: "chats", conversationId: "abc/def" },
      { screen: "settings", page: null },
      { screen: "settings", page: "teams" },
      { screen: "tickets", ticketId: null },
      { screen: "tickets", ticketId: "TK-12" },
      { screen: "contacts" },
      { screen: "invite", token: "tok_123" },
    ] as const) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(parseRoute("")).toEqual({ screen: "chats", conversationId: null });
    expect(parseRoute("#/nowhere")).toEqual({ screen: "chats", conversationId: null });
    expect(parseRoute("#/invite/")).toEqual({ screen: "chats", conversationId: null });
  });
});

describe("the deployment URL", () => {
  it("comes from the page's meta tag, else the local backend's port on the same host", () => {
    document.head.innerHTML = '<meta name="opencom-convex-url" content="https://happy-otter.convex.cloud/">';
    expect(convexUrlOf(document)).toBe("https://happy-otter.convex.cloud");
    document.head.innerHTML = '<meta name="opencom-convex-url" content="{{CONVEX_URL}}">';
    expect(convexUrlOf(document)).toMatch(/^http:\/\/[^/]+:3210$/);
  });
});

describe("Chats shortcuts", () => {
  const press = (key: string, target: object | null = null, modifiers = {}) =>
    shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget | null, ...modifiers });

  it("map keys to actions, but never while typing in a field or with a modifier", () => {
    expect(press("j")).toBe("next");
    expect(press("?")).toBe("help");
    expect(press("x")).toBeNull();
    expect(press("j", { tagName: "TEXTAREA" })).toBeNull();
    expect(press("a", { tagName: "INPUT" })).toBeNull();
    expect(press("c", { isContentEditable: true })).toBeNull();
    expect(press("r", null, { ctrlKey: true })).toBeNull();
  });

  it("move through the list and stop at its ends", () => {
    expect(neighbourId([], null, 1)).toBeNull();
    expect(neighbourId(["a", "b"], null, 1)).toBe("a");
    expect(neighbourId(["a", "b"], "a", 1)).toBe("b");
    expect(neighbourId(["a", "b"], "b", 1)).toBe("b");
    expect(neighbourId(["a", "b"], "a", -1)).toBe("a");
    expect(neighbourId(["a", "b"], "gone", -1)).toBe("a");
  });
});

describe("files for a reply", () => {
  it("are refused before uploading when the type, the size or the count is wrong", () => {
    expect(replyFileRefusal({ type: "image/png", size: 1000 }, true)).toBeNull();
    expect(replyFileRefusal({ type: "application/pdf", size: 10 * 1024 * 1024 }, true)).toBeNull();
    expect(replyFileRefusal({ type: "image/png", size: 5 * 1024 * 1024 + 1 }, true)).toBe("Larger than 5 MB.");
    expect(replyFileRefusal({ type: "application/x-msdownload", size: 10 }, true)).toMatch(/^Only PNG, JPEG/);
    expect(replyFileRefusal({ type: "text/plain", size: 0 }, true)).toBe("The file is empty.");
    expect(replyFileRefusal({ type: "image/png", size: 10 }, false)).toBe("At most 5 files per reply.");
  });
});
