import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { expectAppError, newBackend, twoVisitors } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
});

describe("conversations:listForVisitor", () => {
  test("lists only the visitor's own conversations, most recently active first, with preview and status", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const older = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "first topic", clientMessageId: "a-1" });
    vi.advanceTimersByTime(1000);
    const newer = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "second topic", clientMessageId: "a-2" });
    await t.mutation(api.messages.send, { sessionToken: bob.sessionToken, body: "bob's", clientMessageId: "b-1" });
    vi.advanceTimersByTime(1000);
    // Activity in the older conversation moves it to the top.
    await t.mutation(api.messages.send, {
      sessionToken: alice.sessionToken,
      conversationId: older.conversationId,
      body: "back to the first\nwith a second line",
      clientMessageId: "a-3",
    });

    const conversations = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    expect(conversations.map((c) => c._id)).toEqual([older.conversationId, newer.conversationId]);
    expect(conversations[0]).toMatchObject({
      status: "open",
      lastMessagePreview: "back to the first with a second line",
      unreadCount: 0,
    });
    const bobs = await t.query(api.conversations.listForVisitor, { sessionToken: bob.sessionToken });
    expect(bobs).toHaveLength(1);
    expect(bobs[0]?.lastMessagePreview).toBe("bob's");
  });
});

describe("unread counts and markAsRead", () => {
  test("team replies count as unread for the visitor until marked as read", async () => {
    const t = newBackend();
    const { workspaceId, alice } = await twoVisitors(t);
    const first = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "q1", clientMessageId: "a-1" });
    const second = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "q2", clientMessageId: "a-2" });
    const reply = (conversationId: string, body: string) =>
      t.mutation(internal.messages.sendFromAgent, { workspaceId, conversationId, body });
    await reply(first.conversationId, "a1");
    await reply(first.conversationId, "a1 again");
    await reply(second.conversationId, "a2");

    const unread = () => t.query(api.conversations.getTotalUnreadForVisitor, { sessionToken: alice.sessionToken });
    expect(await unread()).toBe(3);
    await t.mutation(api.conversations.markAsRead, { sessionToken: alice.sessionToken, conversationId: first.conversationId });
    expect(await unread()).toBe(1);
    const listed = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    expect(listed.find((c) => c._id === first.conversationId)?.unreadCount).toBe(0);
    expect(listed.find((c) => c._id === second.conversationId)?.unreadCount).toBe(1);
  });

  test("a visitor with no conversations has zero unread", async () => {
    const t = newBackend();
    const { bob } = await twoVisitors(t);
    expect(await t.query(api.conversations.getTotalUnreadForVisitor, { sessionToken: bob.sessionToken })).toBe(0);
  });

  test("a visitor cannot mark another visitor's conversation as read", async () => {
    const t = newBackend();
    const { workspaceId, alice, bob } = await twoVisitors(t);
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "q", clientMessageId: "a-1" });
    await t.mutation(internal.messages.sendFromAgent, { workspaceId, conversationId: sent.conversationId, body: "answer" });
    await expectAppError(
      t.mutation(api.conversations.markAsRead, { sessionToken: bob.sessionToken, conversationId: sent.conversationId }),
      "NOT_FOUND",
    );
    await expectAppError(
      t.mutation(api.conversations.markAsRead, { sessionToken: bob.sessionToken, conversationId: "malformed" }),
      "NOT_FOUND",
    );
    expect(await t.query(api.conversations.getTotalUnreadForVisitor, { sessionToken: alice.sessionToken })).toBe(1);
  });

  test("a visitor writing into a closed conversation reopens it; a team reply does not", async () => {
    const t = newBackend();
    const { workspaceId, alice } = await twoVisitors(t);
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "q", clientMessageId: "a-1" });
    const conversationId = sent.conversationId;
    await t.mutation(internal.conversations.close, { workspaceId, conversationId });
    await t.mutation(internal.messages.sendFromAgent, { workspaceId, conversationId, body: "closing note" });
    const statusOf = async () =>
      (await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken }))[0]?.status;
    expect(await statusOf()).toBe("closed");
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, conversationId, body: "wait", clientMessageId: "a-2" });
    expect(await statusOf()).toBe("open");
  });
});
