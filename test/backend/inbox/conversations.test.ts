import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

async function setup() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const visitor = await bootVisitor(t, "visitor-1", "acme");
  const send = (body: string, conversationId?: string) =>
    t.mutation(api.messages.send, {
      sessionToken: visitor.sessionToken,
      body,
      clientMessageId: `m-${Math.random()}`,
      ...(conversationId !== undefined ? { conversationId } : {}),
    });
  return { t, teams, visitor, send, workspaceId: teams.acme as string };
}

describe("the inbox's conversations", () => {
  test("list by filter, most recent activity first, with unread counts, readable names and pages", async () => {
    const { t, teams, send, workspaceId } = await setup();
    const first = await send("first **bold**");
    const other = await bootVisitor(t, "visitor-2", "acme");
    await t.mutation(api.messages.send, { sessionToken: other.sessionToken, body: "second", clientMessageId: "x" });
    await send("again", first.conversationId);
    const admin = teams.acmeAdmin.client;
    const open = await admin.query(api.inboxConversations.list, { workspaceId, filter: "open", limit: 10 });
    expect(open.conversations.map((c) => c.lastMessagePreview)).toEqual(["again", "second"]);
    expect(open.conversations[0]).toMatchObject({ unreadCount: 2, assignee: null });
    expect(open.conversations[0]?.visitorName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(open.conversations[0]?.visitorName).not.toBe(open.conversations[1]?.visitorName);
    const page = await admin.query(api.inboxConversations.list, { workspaceId, filter: "open", limit: 1 });
    expect(page).toMatchObject({ hasMore: true, conversations: [{ lastMessagePreview: "again" }] });
    await expect(admin.query(api.inboxConversations.list, { workspaceId, filter: "open", limit: 0 })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "limit" },
    });

    await teams.acmeAgent.client.mutation(api.inboxConversations.assign, {
      workspaceId,
      conversationId: first.conversationId,
      assigneeId: teams.acmeAgent.userId,
    });
    const agentMine = await teams.acmeAgent.client.query(api.inboxConversations.list, { workspaceId, filter: "mine", limit: 10 });
    expect(agentMine.conversations.map((c) => c._id)).toEqual([first.conversationId]);
    expect(agentMine.conversations[0]?.assignee?.userId).toBe(teams.acmeAgent.userId);
    const unassigned = await admin.query(api.inboxConversations.list, { workspaceId, filter: "unassigned", limit: 10 });
    expect(unassigned.conversations.map((c) => c.lastMessagePreview)).toEqual(["second"]);
    expect((await admin.query(api.inboxConversations.list, { workspaceId, filter: "mine", limit: 10 })).conversations).toEqual([]);

    await admin.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId: first.conversationId, status: "closed" });
    const closed = await admin.query(api.inboxConversations.list, { workspaceId, filter: "closed", limit: 10 });
    expect(closed.conversations.map((c) => c._id)).toEqual([first.conversationId]);
    await admin.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId: first.conversationId, status: "open" });
    expect((await admin.query(api.inboxConversations.list, { workspaceId, filter: "closed", limit: 10 })).conversations).toEqual([]);
  });

  test("assigning to someone outside the workspace is refused", async () => {
    const { teams, send, workspaceId } = await setup();
    const { conversationId } = await send("hello");
    await expect(
      teams.acmeAdmin.client.mutation(api.inboxConversations.assign, { workspaceId, conversationId, assigneeId: teams.globexAdmin.userId }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND", field: "assigneeId" } });
  });

  test("a reply reaches the visitor with the member's name; a note never does", async () => {
    const { t, teams, visitor, send, workspaceId } = await setup();
    const { conversationId } = await send("I need help");
    const agent = teams.acmeAgent.client;
    await agent.mutation(api.inboxNotes.add, { workspaceId, conversationId, body: "VIP customer, be nice" });
    await agent.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: "On it!" });
    const seenByVisitor = await t.query(api.messages.list, { sessionToken: visitor.sessionToken, conversationId });
    expect(seenByVisitor.map((m) => [m.senderType, m.body])).toEqual([
      ["visitor", "I need help"],
      ["agent", "On it!"],
    ]);
    expect(seenByVisitor[1]?.senderName).toMatch(/^agent-/);
    expect(JSON.stringify(await t.query(api.conversations.listForVisitor, { sessionToken: visitor.sessionToken }))).not.toContain("VIP");
    const notes = await teams.acmeAdmin.client.query(api.inboxNotes.list, { workspaceId, conversationId });
    expect(notes.map((n) => n.body)).toEqual(["VIP customer, be nice"]);
    await expect(agent.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: "   " })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "body" },
    });
  });

  test("typing and seen, both ways", async () => {
    const { t, teams, visitor, send, workspaceId } = await setup();
    const { conversationId } = await send("hello");
    const agent = teams.acmeAgent.client;
    await t.mutation(api.conversationActivity.setVisitorTyping, { sessionToken: visitor.sessionToken, conversationId, typing: true });
    expect((await agent.query(api.inboxConversations.get, { workspaceId, conversationId })).visitorTypingUntil).toBeGreaterThan(Date.now());
    await agent.mutation(api.inboxConversations.setTypingIndicator, { workspaceId, conversationId, typing: true });
    const activity = await t.query(api.conversationActivity.get, { sessionToken: visitor.sessionToken, conversationId });
    expect(activity.agentTyping?.name).toMatch(/^agent-/);
    expect(activity.readByAgentAt).toBeNull();
    await agent.mutation(api.inboxConversations.markRead, { workspaceId, conversationId });
    expect((await t.query(api.conversationActivity.get, { sessionToken: visitor.sessionToken, conversationId })).readByAgentAt).not.toBeNull();
    expect((await agent.query(api.inboxConversations.get, { workspaceId, conversationId })).unreadCount).toBe(0);
    await agent.mutation(api.inboxMessages.reply, { workspaceId, conversationId, body: "hi" });
    await t.mutation(api.conversations.markAsRead, { sessionToken: visitor.sessionToken, conversationId });
    expect((await agent.query(api.inboxConversations.get, { workspaceId, conversationId })).readByVisitorAt).not.toBeNull();
  });

  test("the visitor beside the conversation: readable name, identity, page, device, attributes, earlier conversations", async () => {
    const { t, teams, send, workspaceId } = await setup();
    const earlier = await send("first visit");
    const { conversationId } = await send("second visit");
    await t.run(async (ctx) => {
      const conversation = await ctx.db.get("conversations", conversationId);
      await ctx.db.patch("visitors", conversation!.visitorId, {
        lastPageUrl: "https://shop.example.com/checkout",
        device: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
        customAttributes: { plan: "pro" },
      });
    });
    const profile = await teams.acmeAgent.client.query(api.inboxVisitors.forConversation, { workspaceId, conversationId });
    expect(profile).toMatchObject({
      nameIsGenerated: true,
      email: null,
      verified: false,
      currentPage: "https://shop.example.com/checkout",
      device: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
      attributes: { plan: "pro" },
    });
    expect(profile?.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(profile?.previousConversations.map((c) => c._id)).toEqual([earlier.conversationId]);
  });
});

describe("the inbox's contacts", () => {
  test("most recently seen first, searchable by name and email, each with their conversations", async () => {
    const { t, teams, send, workspaceId } = await setup();
    const { conversationId } = await send("hello");
    const grace = await bootVisitor(t, "visitor-grace", "acme", { userId: "u-grace", email: "grace@example.com", name: "Grace Hopper" });
    const agent = teams.acmeAgent.client;
    const all = await agent.query(api.inboxContacts.list, { workspaceId, search: "", limit: 10 });
    expect(all.map((c) => c.name)).toHaveLength(2);
    expect(all[0]?.name).toBe("Grace Hopper");
    expect((await agent.query(api.inboxContacts.list, { workspaceId, search: "Grace", limit: 10 })).map((c) => c._id)).toEqual([grace.visitorId]);
    expect((await agent.query(api.inboxContacts.list, { workspaceId, search: "nobody-like-this", limit: 10 }))).toEqual([]);
    const first = all[1]!;
    expect((await agent.query(api.inboxContacts.conversations, { workspaceId, visitorId: first._id })).map((c) => c._id)).toEqual([conversationId]);
    await expect(agent.query(api.inboxContacts.list, { workspaceId, search: "x".repeat(101), limit: 10 })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "search" },
    });
  });
});
