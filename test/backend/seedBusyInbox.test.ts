// seed:busyInbox, the bench's 500-conversation inbox: conversations with visitors and messages
// as the widget makes them, sorted by activity, within a transaction's limits.
import { expect, test } from "vitest";
import { internal } from "../../convex/_generated/api";
import { newBackend } from "./helpers";

test("fills the demo workspace's inbox, newest activity last, and refuses batches over 200", async () => {
  const t = newBackend();
  await t.mutation(internal.seed.insertDemoWorkspace, { apiKeyHash: "h", apiKeyPrefix: "oc_live_x", identitySecret: "s" });
  expect(await t.mutation(internal.seed.busyInbox, { from: 0, count: 200 })).toBe(200);
  expect(await t.mutation(internal.seed.busyInbox, { from: 200, count: 30 })).toBe(30);
  await expect(t.mutation(internal.seed.busyInbox, { from: 230, count: 201 })).rejects.toThrow(/count must be 1 to 200/);
  const { conversations, visitors, messages } = await t.run(async (ctx) => ({
    conversations: await ctx.db.query("conversations").collect(),
    visitors: await ctx.db.query("visitors").collect(),
    messages: await ctx.db.query("messages").collect(),
  }));
  const busy = visitors.filter((visitor) => visitor.sessionId.startsWith("busy-inbox-"));
  expect(busy).toHaveLength(230);
  expect(new Set(busy.map((visitor) => visitor.sessionId)).size).toBe(230);
  const seeded = conversations.filter((conversation) => busy.some((visitor) => visitor._id === conversation.visitorId));
  expect(seeded).toHaveLength(230);
  expect(seeded.every((conversation) => conversation.status === "open" && conversation.lastMessagePreview !== "")).toBe(true);
  expect(messages.filter((message) => seeded.some((conversation) => conversation._id === message.conversationId)).length).toBeGreaterThan(230);
});
