// Routing a conversation to a support team, snoozing it until a time (woken by the scheduler
// or by the visitor writing), and the visitor's presence as the list shows it.
import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { SNOOZE_WAKE_MAX_WAIT_MS } from "../../../convex/lib/snooze";
import { bootVisitor, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

afterEach(() => {
  vi.useRealTimers();
});

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
  const { conversationId } = await send("Where is my parcel?");
  const workspaceId = teams.acme as string;
  const admin = teams.acmeAdmin.client;
  const agent = teams.acmeAgent.client;
  const list = async (filter: "open" | "mine" | "unassigned" | "snoozed" | "closed") =>
    (await agent.query(api.inboxConversations.list, { workspaceId, filter, limit: 10 })).conversations;
  return { t, teams, send, conversationId, workspaceId, admin, agent, list };
}

describe("support teams on conversations", () => {
  test("any member routes a conversation to a team of the workspace, or to none", async () => {
    const { admin, agent, conversationId, workspaceId, list } = await setup();
    const billing = await admin.mutation(api.supportTeams.create, { workspaceId: workspaceId as never, name: "Billing" });
    await agent.mutation(api.inboxConversations.assignTeam, { workspaceId, conversationId, supportTeamId: billing.id });
    expect((await list("open"))[0]?.supportTeam).toEqual({ id: billing.id, name: "Billing" });
    await agent.mutation(api.inboxConversations.assignTeam, { workspaceId, conversationId, supportTeamId: null });
    expect((await list("open"))[0]?.supportTeam).toBeNull();
  });

  test("refuses a team of another workspace, or no team at all, naming the field", async () => {
    const { teams, agent, conversationId, workspaceId } = await setup();
    const foreign = await teams.globexAdmin.client.mutation(api.supportTeams.create, { workspaceId: teams.globex, name: "Elsewhere" });
    for (const supportTeamId of [foreign.id, "not-an-id"]) {
      await expect(agent.mutation(api.inboxConversations.assignTeam, { workspaceId, conversationId, supportTeamId })).rejects.toMatchObject({
        data: { code: "NOT_FOUND", field: "supportTeamId" },
      });
    }
  });
});

describe("snooze", () => {
  test("takes the conversation out of open, mine and unassigned until the scheduler wakes it", async () => {
    vi.useFakeTimers();
    const { t, agent, teams, conversationId, workspaceId, list } = await setup();
    await agent.mutation(api.inboxConversations.assign, { workspaceId, conversationId, assigneeId: teams.acmeAgent.userId });
    const until = Date.now() + 2 * 3600_000;
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until });
    expect(await list("open")).toEqual([]);
    expect(await list("mine")).toEqual([]);
    expect(await list("snoozed")).toMatchObject([{ _id: conversationId, snoozedUntil: until }]);

    vi.advanceTimersByTime(3600_000);
    await t.finishInProgressScheduledFunctions();
    expect(await list("snoozed")).toHaveLength(1);
    vi.advanceTimersByTime(3600_000 + 1);
    await t.finishInProgressScheduledFunctions();
    expect(await list("snoozed")).toEqual([]);
    expect(await list("open")).toMatchObject([{ _id: conversationId, snoozedUntil: null }]);
    expect(await list("mine")).toHaveLength(1);
  });

  test("a long snooze waits in steps of at most a week and still wakes on time", async () => {
    vi.useFakeTimers();
    const { t, agent, conversationId, workspaceId, list } = await setup();
    const until = Date.now() + 3 * SNOOZE_WAKE_MAX_WAIT_MS;
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until });
    for (let step = 0; step < 2; step += 1) {
      vi.advanceTimersByTime(SNOOZE_WAKE_MAX_WAIT_MS);
      await t.finishInProgressScheduledFunctions();
      expect(await list("snoozed")).toHaveLength(1);
    }
    vi.advanceTimersByTime(SNOOZE_WAKE_MAX_WAIT_MS);
    await t.finishInProgressScheduledFunctions();
    expect(await list("snoozed")).toEqual([]);
  });

  test("wakes when the visitor writes, or when an operator unsnoozes; an old wake-up then does nothing", async () => {
    vi.useFakeTimers();
    const { t, agent, send, conversationId, workspaceId, list } = await setup();
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: Date.now() + 3600_000 });
    await send("Any news?", conversationId);
    expect(await list("open")).toMatchObject([{ _id: conversationId, snoozedUntil: null }]);

    const later = Date.now() + 7200_000;
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: later });
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: null });
    expect(await list("open")).toHaveLength(1);
    // Snoozed again for longer: the wake-ups planned for the first two snoozes leave it alone.
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: later + 3600_000 });
    vi.advanceTimersByTime(7200_000 + 1);
    await t.finishInProgressScheduledFunctions();
    expect(await list("snoozed")).toHaveLength(1);
  });

  test("closing ends a snooze; a closed conversation cannot be snoozed; bad times name `until`", async () => {
    const { agent, conversationId, workspaceId, list } = await setup();
    await agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: Date.now() + 3600_000 });
    await agent.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "closed" });
    expect(await list("closed")).toMatchObject([{ snoozedUntil: null }]);
    await expect(agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until: Date.now() + 3600_000 })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
    await agent.mutation(api.inboxConversations.setStatus, { workspaceId, conversationId, status: "open" });
    for (const until of [Date.now() - 1, 1.5, Date.now() + 400 * 24 * 3600_000]) {
      await expect(agent.mutation(api.inboxConversations.snooze, { workspaceId, conversationId, until })).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT", field: "until" },
      });
    }
  });
});

describe("presence in the list", () => {
  test("carries the visitor's last heartbeat and device for the inbox to judge against its clock", async () => {
    const { t, list } = await setup();
    const conversation = (await list("open"))[0]!;
    const visitor = await t.run(async (ctx) => {
      const found = await ctx.db.get("conversations", conversation._id);
      return found === null ? null : await ctx.db.get("visitors", found.visitorId);
    });
    expect(conversation.visitorLastSeenAt).toBe(visitor?.lastSeenAt);
    expect(conversation.visitorDevice).toEqual(visitor?.device ?? null);
  });
});
