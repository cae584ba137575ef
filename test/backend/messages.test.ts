import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { expectAppError, newBackend, twoVisitors } from "./helpers";

describe("messages:send", () => {
  test("starts a conversation when none is given and lists the message", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const sent = await t.mutation(api.messages.send, {
      sessionToken: alice.sessionToken,
      body: "  Hello, is anyone there?  ",
      clientMessageId: "m-1",
    });
    const messages = await t.query(api.messages.list, {
      sessionToken: alice.sessionToken,
      conversationId: sent.conversationId,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      _id: sent.messageId,
      conversationId: sent.conversationId,
      senderType: "visitor",
      body: "Hello, is anyone there?",
      clientMessageId: "m-1",
    });
    expect(messages[0]).not.toHaveProperty("workspaceId");
  });

  test("appends to an existing conversation and counts unread for the team", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const first = await t.mutation(api.messages.send, {
      sessionToken: alice.sessionToken,
      body: "one",
      clientMessageId: "m-1",
    });
    const second = await t.mutation(api.messages.send, {
      sessionToken: alice.sessionToken,
      conversationId: first.conversationId,
      body: "two",
      clientMessageId: "m-2",
    });
    expect(second.conversationId).toBe(first.conversationId);
    const conversation = await t.run(async (ctx) => ctx.db.get("conversations", first.conversationId));
    expect(conversation).toMatchObject({ unreadByAgent: 2, unreadByVisitor: 0, lastMessagePreview: "two" });
  });

  test("is idempotent by clientMessageId: a retry returns the first result and writes nothing", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const args = { sessionToken: alice.sessionToken, body: "only once", clientMessageId: "retry-me" };
    const first = await t.mutation(api.messages.send, args);
    const retry = await t.mutation(api.messages.send, args);
    const retryWithOtherBody = await t.mutation(api.messages.send, { ...args, body: "changed" });
    expect(retry).toEqual(first);
    expect(retryWithOtherBody).toEqual(first);
    const counts = await t.run(async (ctx) => ({
      messages: (await ctx.db.query("messages").collect()).length,
      conversations: (await ctx.db.query("conversations").collect()).length,
    }));
    expect(counts).toEqual({ messages: 1, conversations: 1 });
    const conversation = await t.run(async (ctx) => ctx.db.get("conversations", first.conversationId));
    expect(conversation?.unreadByAgent).toBe(1);
  });

  test("the same clientMessageId from two visitors makes two messages", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const fromAlice = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "a", clientMessageId: "same" });
    const fromBob = await t.mutation(api.messages.send, { sessionToken: bob.sessionToken, body: "b", clientMessageId: "same" });
    expect(fromBob.messageId).not.toBe(fromAlice.messageId);
    expect(fromBob.conversationId).not.toBe(fromAlice.conversationId);
  });

  test("validates the body: empty, blank and 5001 characters are refused; 5000 is fine", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const send = (body: string, clientMessageId: string) =>
      t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body, clientMessageId });
    await expectAppError(send("", "e-1"), "INVALID_ARGUMENT", "body");
    await expectAppError(send(" \n\t ", "e-2"), "INVALID_ARGUMENT", "body");
    await expectAppError(send("x".repeat(5001), "e-3"), "INVALID_ARGUMENT", "body");
    await expect(send(" " + "x".repeat(5000) + " ", "ok")).resolves.toHaveProperty("messageId");
    const stored = await t.run(async (ctx) => ctx.db.query("messages").collect());
    expect(stored.map((message) => message.body.length)).toEqual([5000]);
  });

  test("a visitor cannot write into another visitor's conversation", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "mine", clientMessageId: "a-1" });
    await expectAppError(
      t.mutation(api.messages.send, {
        sessionToken: bob.sessionToken,
        conversationId: sent.conversationId,
        body: "intruding",
        clientMessageId: "b-1",
      }),
      "NOT_FOUND",
    );
  });

  test("refuses an unknown token", async () => {
    const t = newBackend();
    await twoVisitors(t);
    await expectAppError(
      t.mutation(api.messages.send, { sessionToken: "wst_unknown", body: "hi", clientMessageId: "x" }),
      "UNAUTHENTICATED",
    );
  });
});

describe("messages:list", () => {
  test("returns the most recent 200 messages, oldest first", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const first = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "m0", clientMessageId: "c0" });
    // Seed the rest directly: 204 sends through the API would only slow the test down.
    await t.run(async (ctx) => {
      const conversation = await ctx.db.get("conversations", first.conversationId);
      if (conversation === null) throw new Error("missing conversation");
      for (let i = 1; i <= 204; i++) {
        await ctx.db.insert("messages", {
          conversationId: conversation._id,
          workspaceId: conversation.workspaceId,
          senderType: i % 2 ? "agent" : "visitor",
          body: `m${i}`,
          createdAt: Date.now() + i,
        });
      }
    });
    const messages = await t.query(api.messages.list, {
      sessionToken: alice.sessionToken,
      conversationId: first.conversationId,
    });
    expect(messages).toHaveLength(200);
    expect(messages[0]?.body).toBe("m5");
    expect(messages.at(-1)?.body).toBe("m204");
  });

  test("another visitor's, unknown and malformed conversation ids all read as NOT_FOUND", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "secret", clientMessageId: "a-1" });
    const listAs = (sessionToken: string, conversationId: string) =>
      t.query(api.messages.list, { sessionToken, conversationId });
    await expectAppError(listAs(bob.sessionToken, sent.conversationId), "NOT_FOUND");
    await expectAppError(listAs(alice.sessionToken, "not-an-id"), "NOT_FOUND");
    await expectAppError(listAs(alice.sessionToken, sent.messageId), "NOT_FOUND"); // an id of another table
  });
});
