import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError } from "../helpers";
import { engagementSetup } from "./support";

async function closedConversation() {
  const setup = await engagementSetup();
  const { t, workspaceId, alice } = setup;
  const sent = await t.mutation(api.messages.send, {
    sessionToken: alice.sessionToken,
    body: "Help please",
    clientMessageId: "c-1",
  });
  const conversationId = sent.conversationId;
  const rate = (args: { rating: number; comment?: string }, sessionToken = alice.sessionToken, id: string = conversationId) =>
    t.mutation(api.csat.submit, { sessionToken, conversationId: id, ...args });
  const close = () => t.mutation(internal.conversations.close, { workspaceId, conversationId });
  return { ...setup, conversationId, rate, close };
}

describe("csat", () => {
  test("only closed conversations can be rated, once, 1–5 with an optional comment", async () => {
    const { t, alice, conversationId, rate, close } = await closedConversation();
    await expectAppError(rate({ rating: 5 }), "INVALID_ARGUMENT", "conversationId");
    expect(await t.query(api.csat.getPending, { sessionToken: alice.sessionToken })).toEqual([]);

    await close();
    expect(await t.query(api.csat.getPending, { sessionToken: alice.sessionToken })).toEqual([
      expect.objectContaining({ conversationId, lastMessagePreview: "Help please" }),
    ]);
    await expectAppError(rate({ rating: 0 }), "INVALID_ARGUMENT", "rating");
    await expectAppError(rate({ rating: 6 }), "INVALID_ARGUMENT", "rating");
    await expectAppError(rate({ rating: 4.5 }), "INVALID_ARGUMENT", "rating");
    await expectAppError(rate({ rating: 4, comment: "x".repeat(1001) }), "INVALID_ARGUMENT", "comment");

    await expect(rate({ rating: 4, comment: "  Quick and kind  " })).resolves.toEqual({ ratingId: expect.any(String) });
    await expectAppError(rate({ rating: 5 }), "CONFLICT", "conversationId");
    expect(await t.query(api.csat.getPending, { sessionToken: alice.sessionToken })).toEqual([]);
    const stored = await t.query(internal.csat.forConversation, { conversationId: conversationId as never });
    expect(stored).toMatchObject({ rating: 4, comment: "Quick and kind" });
  });

  test("another visitor's conversation is not found", async () => {
    const { t, rate, close } = await closedConversation();
    await close();
    const mallory = await bootVisitor(t, "visitor-mallory");
    await expectAppError(rate({ rating: 1 }, mallory.sessionToken), "NOT_FOUND");
    await expectAppError(rate({ rating: 1 }, undefined, "not-an-id"), "NOT_FOUND");
  });
});
