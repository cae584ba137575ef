import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { messengerSetup, OTHER_KEY, rest, startConversation } from "./support";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-03-03T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("typing indicators", () => {
  test("the visitor's typing shows to agents over REST for about 5 s and stops with their message", async () => {
    const { t, alice } = await messengerSetup();
    const conversationId = await startConversation(t, alice.sessionToken);
    const activity = () => rest(t, "GET", `/api/v1/conversations/${conversationId}/activity`);
    expect((await activity()).json.data.visitorTyping).toBe(false);

    await t.mutation(api.conversationActivity.setVisitorTyping, { sessionToken: alice.sessionToken, conversationId, typing: true });
    expect((await activity()).json.data).toMatchObject({ visitorTyping: true, visitorTypingExpiresAt: Date.now() + 5000 });
    vi.advanceTimersByTime(5_001);
    expect((await activity()).json.data.visitorTyping).toBe(false);

    await t.mutation(api.conversationActivity.setVisitorTyping, { sessionToken: alice.sessionToken, conversationId, typing: true });
    await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, conversationId, body: "done", clientMessageId: "m-done" });
    expect((await activity()).json.data.visitorTyping).toBe(false);
  });

  test("the agent's REST typing reaches the visitor's live query, with a name, and ends with the reply", async () => {
    const { t, alice } = await messengerSetup();
    const conversationId = await startConversation(t, alice.sessionToken);
    const seen = () => t.query(api.conversationActivity.get, { sessionToken: alice.sessionToken, conversationId });
    expect((await seen()).agentTyping).toBeNull();

    const posted = await rest(t, "POST", `/api/v1/conversations/${conversationId}/typing`, { authorName: "Ada" });
    expect(posted.json.data).toEqual({ typing: true, expiresAt: Date.now() + 5000 });
    expect((await seen()).agentTyping).toEqual({ name: "Ada", expiresAt: Date.now() + 5000 });

    await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "Hi!" });
    expect((await seen()).agentTyping).toBeNull();

    await rest(t, "POST", `/api/v1/conversations/${conversationId}/typing`);
    expect((await rest(t, "POST", `/api/v1/conversations/${conversationId}/typing`, { typing: false })).json.data).toEqual({ typing: false, expiresAt: null });
    expect((await seen()).agentTyping).toBeNull();
  });

  test("a visitor cannot type into someone else's conversation; agents of another workspace get 404", async () => {
    const { t, alice, bob } = await messengerSetup();
    const conversationId = await startConversation(t, alice.sessionToken);
    await expect(
      t.mutation(api.conversationActivity.setVisitorTyping, { sessionToken: bob.sessionToken, conversationId, typing: true }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await rest(t, "POST", `/api/v1/conversations/${conversationId}/typing`, {}, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "POST", `/api/v1/conversations/${conversationId}/typing`, { typing: "yes" })).status).toBe(400);
  });
});

describe("seen receipts", () => {
  test("the visitor's read is the agents' readByVisitorAt; the agent's read reaches the visitor", async () => {
    const { t, alice } = await messengerSetup();
    const conversationId = await startConversation(t, alice.sessionToken);
    await rest(t, "POST", `/api/v1/conversations/${conversationId}/messages`, { text: "Reply" });
    const activity = async () => (await rest(t, "GET", `/api/v1/conversations/${conversationId}/activity`)).json.data;
    expect((await activity()).readByVisitorAt).toBeNull();

    vi.advanceTimersByTime(1000);
    await t.mutation(api.conversations.markAsRead, { sessionToken: alice.sessionToken, conversationId });
    expect((await activity()).readByVisitorAt).toBe(Date.now());
    const [listed] = (await rest(t, "GET", "/api/v1/conversations")).json.data;
    expect(listed.readByVisitorAt).toBe(Date.now());

    const read = await rest(t, "POST", `/api/v1/conversations/${conversationId}/read`);
    expect(read.json.data).toEqual({ readByAgentAt: Date.now() });
    const seen = await t.query(api.conversationActivity.get, { sessionToken: alice.sessionToken, conversationId });
    expect(seen.readByAgentAt).toBe(Date.now());
    expect((await activity()).readByAgentAt).toBe(Date.now());
  });
});
