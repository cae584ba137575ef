import { describe, expect, test } from "vitest";
import { afterMessage, newConversationCounters } from "../../../convex/lib/conversationState";

const base = { ...newConversationCounters(1000), unreadByVisitor: 2, unreadByAgent: 3 };

describe("afterMessage", () => {
  test("a visitor message: unread for the team, read for the visitor, reopens", () => {
    const patch = afterMessage({ ...base, status: "closed" }, { senderType: "visitor", body: "hi", createdAt: 2000 });
    expect(patch).toEqual({
      status: "open",
      lastMessageAt: 2000,
      lastMessagePreview: "hi",
      unreadByVisitor: 0,
      unreadByAgent: 4,
    });
  });

  test("agent and bot messages: unread for the visitor, read for the team, status kept", () => {
    for (const senderType of ["agent", "bot"] as const) {
      const patch = afterMessage({ ...base, status: "closed" }, { senderType, body: "yo", createdAt: 2000 });
      expect(patch).toMatchObject({ status: "closed", unreadByVisitor: 3, unreadByAgent: 0 });
    }
  });

  test("system notes change no counters; time never goes backwards", () => {
    const patch = afterMessage(base, { senderType: "system", body: "note", createdAt: 500 });
    expect(patch).toMatchObject({ unreadByVisitor: 2, unreadByAgent: 3, lastMessageAt: 1000 });
  });

  test("the preview is one line of at most 140 characters", () => {
    const patch = afterMessage(base, { senderType: "visitor", body: "a\n\nb " + "c".repeat(300), createdAt: 2000 });
    expect(patch.lastMessagePreview.startsWith("a b c")).toBe(true);
    expect(patch.lastMessagePreview).toHaveLength(140);
    expect(patch.lastMessagePreview.endsWith("…")).toBe(true);
  });
});
