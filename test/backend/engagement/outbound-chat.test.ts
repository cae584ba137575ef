import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { engagementSetup, insertContent } from "./support";

describe("outboundMessages:startChat", () => {
  test("starts a conversation whose first line is the chat message, once per message", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const messageId = await insertContent(t, "outboundMessages", workspaceId, { type: "chat", body: "Need a hand with the import?", senderName: "Ada" });
    const { conversationId } = await t.mutation(api.outboundMessages.startChat, { sessionToken: alice.sessionToken, messageId });
    const messages = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId });
    expect(messages).toEqual([expect.objectContaining({ senderType: "agent", senderName: "Ada", body: "Need a hand with the import?" })]);
    const [listed] = await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken });
    expect(listed).toMatchObject({ _id: conversationId, unreadCount: 0 });

    const again = await t.mutation(api.outboundMessages.startChat, { sessionToken: alice.sessionToken, messageId });
    expect(again.conversationId).toBe(conversationId);
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: alice.sessionToken })).toHaveLength(1);

    // The visitor answers in the same conversation.
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, conversationId, body: "Yes please", clientMessageId: "c1" });
    const thread = await t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId });
    expect(thread.map((m) => m.body)).toEqual(["Need a hand with the import?", "Yes please"]);
  });

  test("refuses posts and banners, unknown ids, and another workspace's message", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const postId = await insertContent(t, "outboundMessages", workspaceId, { type: "post", title: "News", body: "Read me" });
    await expect(t.mutation(api.outboundMessages.startChat, { sessionToken: alice.sessionToken, messageId: postId })).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "messageId" } });
    await expect(t.mutation(api.outboundMessages.startChat, { sessionToken: alice.sessionToken, messageId: "nope" })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const bob = await bootVisitor(t, "visitor-bob");
    const chatId = await insertContent(t, "outboundMessages", workspaceId, { type: "chat", body: "Hi" });
    const { conversationId } = await t.mutation(api.outboundMessages.startChat, { sessionToken: bob.sessionToken, messageId: chatId });
    // Alice cannot read the conversation Bob's reply started.
    await expect(t.query(api.messages.list, { sessionToken: alice.sessionToken, conversationId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});
