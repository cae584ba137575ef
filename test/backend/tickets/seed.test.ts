import { expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { insertDemoTickets } from "../../../convex/model/demoTickets";
import { createWorkspace, newBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { firstPage } from "./support";

useAuthEnvironment();

test("seed:demo files tickets across priorities and states, with teams and a default SLA policy", async () => {
  const t = newBackend();
  await t.action(internal.seed.demo, {});
  const workspace = await t.run(async (ctx) => ctx.db.query("workspaces").withIndex("by_public_id", (q) => q.eq("publicId", "demo")).unique());
  if (workspace === null) throw new Error("no demo workspace");
  const workspaceId = workspace._id;
  const { client: agent } = await signedInOperator(t, workspaceId, "agent", "demo-agent@example.com");

  const policies = await agent.query(api.slaPolicies.list, { workspaceId });
  expect(policies.every((policy) => policy.firstResponseMillis !== null && policy.resolutionMillis !== null)).toBe(true);
  expect((await agent.query(api.supportTeams.list, { workspaceId })).map((team) => team.name)).toEqual(["Billing", "Technical"]);

  const queue = (await agent.query(api.ticketsInbox.list, { workspaceId, paginationOpts: firstPage })).page;
  expect(queue.map((ticket) => ticket.code).sort()).toEqual(["TK-1", "TK-2", "TK-3", "TK-4", "TK-5", "TK-6"]);
  expect(new Set(queue.map((ticket) => ticket.priority))).toEqual(new Set(["CRITICAL", "HIGH", "MEDIUM", "LOW", "MINOR"]));
  expect(new Set(queue.map((ticket) => ticket.state))).toEqual(new Set(["submitted", "in_progress", "waiting_on_customer", "resolved", "cancelled"]));
  const waiting = queue.find((ticket) => ticket.state === "waiting_on_customer");
  expect(waiting?.metrics.TIME_TO_RESOLVE).toMatchObject({ isPaused: true, pauseReason: "BY_STATE" });
  expect(waiting?.supportTeam?.name).toBe("Technical");
  expect(queue.find((ticket) => ticket.subject === "Card declined at checkout")?.author).toMatchObject({ name: "Maya Okafor" });
});

test("given a member, the demo tickets are assigned to them and answered in their name", async () => {
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  const ana = await signedInOperator(t, workspaceId, "agent", "Ana@example.com");
  const memberId = await t.run(async (ctx) => (await ctx.db.query("members").withIndex("by_user", (q) => q.eq("userId", ana.userId)).unique())!._id);
  await t.run(async (ctx) => insertDemoTickets(ctx, workspaceId, Date.now(), { id: memberId, name: "Ana" }));
  const agent = ana.client;
  const card = await agent.query(api.ticketsInbox.get, { workspaceId, ticket: "TK-1" });
  expect(card).toMatchObject({ subject: "Card declined at checkout", state: "in_progress", assignee: { id: memberId, name: "Ana" } });
  expect(card.replies).toMatchObject([{ author: "agent", authorName: "Ana" }]);
  expect(card.metrics.TIME_TO_FIRST_RESPONSE).toMatchObject({ finished: true, thresholdMillis: 30 * 60_000 });
  expect(card.metrics.TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM.finished).toBe(true);
  const unanswered = await agent.query(api.ticketsInbox.get, { workspaceId, ticket: "TK-2" });
  expect(unanswered).toMatchObject({ assignee: null, replies: [] });
});
