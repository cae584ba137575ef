import { expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";
import { addMember, firstPage } from "./support";

test("seed:demo files tickets across priorities and states, with teams and a default SLA policy", async () => {
  const t = newBackend();
  await t.action(internal.seed.demo, {});
  const workspace = await t.run(async (ctx) => ctx.db.query("workspaces").withIndex("by_public_id", (q) => q.eq("publicId", "demo")).unique());
  if (workspace === null) throw new Error("no demo workspace");
  const workspaceId = workspace._id;
  await addMember(t, workspaceId, "user-demo", "agent", "Demo agent");
  const agent = t.withIdentity({ subject: "user-demo|session" });

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
