import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError } from "../helpers";
import { rest } from "../messenger/support";
import { firstPage, ticketSetup } from "./support";

describe("the ticket queue", () => {
  test("lists by state and priority, most recently updated first, a page at a time", async () => {
    const setup = await ticketSetup();
    const { t, admin, workspaceId, alice, bob } = setup;
    const file = (sessionToken: string, title: string) => t.mutation(api.tickets.create, { sessionToken, title, fields: { description: "…" } });
    const second = await file(bob.sessionToken, "Refund please");
    const third = await file(alice.sessionToken, "Login loop");
    await admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: second.id, priority: "CRITICAL", state: "in_progress" });

    const all = await admin.query(api.ticketsInbox.list, { workspaceId, paginationOpts: firstPage });
    expect(all.page.map((ticket) => ticket.code)).toEqual(["TK-2", "TK-3", "TK-1"]);
    expect(all.isDone).toBe(true);
    const critical = await admin.query(api.ticketsInbox.list, { workspaceId, priority: "CRITICAL", paginationOpts: firstPage });
    expect(critical.page.map((ticket) => ticket.subject)).toEqual(["Refund please"]);
    const submittedMedium = await admin.query(api.ticketsInbox.list, { workspaceId, state: "submitted", priority: "MEDIUM", paginationOpts: firstPage });
    expect(submittedMedium.page.map((ticket) => ticket.id)).toEqual([third.id, setup.ticket.id]);
    const inProgress = await admin.query(api.ticketsInbox.list, { workspaceId, state: "in_progress", paginationOpts: firstPage });
    expect(inProgress.page).toHaveLength(1);

    const one = await admin.query(api.ticketsInbox.list, { workspaceId, paginationOpts: { numItems: 2, cursor: null } });
    expect(one.page).toHaveLength(2);
    expect(one.isDone).toBe(false);
    const rest = await admin.query(api.ticketsInbox.list, { workspaceId, paginationOpts: { numItems: 2, cursor: one.continueCursor } });
    expect(rest.page.map((ticket) => ticket.code)).toEqual(["TK-1"]);
  });

  test("a queue row carries code, subject, author, priority, people and the five metrics", async () => {
    const { t, admin, workspaceId } = await ticketSetup();
    const visitor = await bootVisitor(t, "visitor-dee", "acme", { userId: "dee", name: "Dee Marsh", email: "dee@example.com" });
    await t.mutation(api.tickets.create, { sessionToken: visitor.sessionToken, title: "Invoice", fields: { description: "Wrong VAT" } });
    const [row] = (await admin.query(api.ticketsInbox.list, { workspaceId, paginationOpts: firstPage })).page;
    expect(row).toMatchObject({
      code: "TK-2",
      number: 2,
      subject: "Invoice",
      state: "submitted",
      priority: "MEDIUM",
      author: { name: "Dee Marsh", email: "dee@example.com" },
      assignee: null,
      supportTeam: null,
    });
    expect(Object.keys(row?.metrics ?? {}).sort()).toEqual([
      "TIME_IN_CURRENT_STATE",
      "TIME_TO_FIRST_RESPONSE",
      "TIME_TO_RESOLVE",
      "TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM",
      "TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM",
    ]);
  });
});

describe("working a ticket", () => {
  test("state, priority, assignee and team changes land in the history with who made them", async () => {
    const { admin, agent, workspaceId, ticket, agentId } = await ticketSetup();
    const team = await admin.mutation(api.supportTeams.create, { workspaceId, name: "Payments" });
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.code, assigneeId: agentId, supportTeamId: team.id, priority: "HIGH" });
    const detail = await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "waiting_on_customer", note: "Which card did you use?" });
    expect(detail).toMatchObject({
      code: "TK-1",
      state: "waiting_on_customer",
      priority: "HIGH",
      assignee: { id: agentId, name: "Bo" },
      supportTeam: { id: team.id, name: "Payments" },
      fields: [{ id: "description", label: "Describe the problem", value: "The pay button does nothing." }],
    });
    expect(detail.history.map((event) => event.kind)).toEqual(["state", "priority", "assignee", "supportTeam", "state", "note"]);
    expect(detail.history[1]).toMatchObject({ kind: "priority", priority: "HIGH", by: { id: agentId, name: "Bo" } });
    expect(detail.history[5]).toMatchObject({ kind: "note", note: "Which card did you use?", state: "waiting_on_customer" });
    expect(detail.metrics.TIME_TO_RESOLVE).toMatchObject({ isPaused: true, pauseReason: "BY_STATE" });
    expect(detail.metrics.TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM.finished).toBe(true);

    const unassigned = await admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, assigneeId: null, supportTeamId: null });
    expect(unassigned).toMatchObject({ assignee: null, supportTeam: null });
    expect(unassigned.history.slice(-2)).toMatchObject([
      { kind: "assignee", assignee: null },
      { kind: "supportTeam", supportTeam: null },
    ]);
    // A team with tickets cannot go; once empty it can.
    await admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, supportTeamId: team.id });
    await expectAppError(admin.mutation(api.supportTeams.remove, { workspaceId, teamId: team.id }), "CONFLICT", "teamId");
    await admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, supportTeamId: null });
    await admin.mutation(api.supportTeams.remove, { workspaceId, teamId: team.id });
    expect(await admin.query(api.supportTeams.list, { workspaceId })).toEqual([]);
  });

  test("bad input is refused naming the field, and nothing changes", async () => {
    const { admin, workspaceId, ticket } = await ticketSetup();
    await expectAppError(admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, note: " " }), "INVALID_ARGUMENT", "note");
    await expectAppError(admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, supportTeamId: "nope" }), "INVALID_ARGUMENT", "supportTeamId");
    await expectAppError(admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, assigneeId: "nope" }), "INVALID_ARGUMENT", "assigneeId");
    await expectAppError(admin.mutation(api.ticketsInbox.reply, { workspaceId, ticket: ticket.id, body: "x".repeat(5001) }), "INVALID_ARGUMENT", "body");
    await expectAppError(admin.query(api.ticketsInbox.get, { workspaceId, ticket: "TK-99" }), "NOT_FOUND", "ticket");
    await expectAppError(admin.mutation(api.supportTeams.create, { workspaceId, name: "  " }), "INVALID_ARGUMENT", "name");
    await admin.mutation(api.supportTeams.create, { workspaceId, name: "Billing" });
    await expectAppError(admin.mutation(api.supportTeams.create, { workspaceId, name: "billing" }), "CONFLICT", "name");
    const same = await admin.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "submitted", priority: "MEDIUM" });
    expect(same.updatedAt).toBe(ticket.updatedAt);
    const detail = await admin.query(api.ticketsInbox.get, { workspaceId, ticket: "tk-1" });
    expect(detail.history).toHaveLength(1);
    expect(detail.replies).toEqual([]);
  });
});

describe("replies in the messenger's Tickets tab", () => {
  test("the visitor sees the agent's reply, answers, and the ticket leaves waiting on customer", async () => {
    const { t, agent, workspaceId, ticket, alice, bob } = await ticketSetup();
    const token = alice.sessionToken;
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "waiting_on_customer" });
    await agent.mutation(api.ticketsInbox.reply, { workspaceId, ticket: ticket.id, body: "  Which browser?  " });
    const seen = await t.query(api.tickets.get, { sessionToken: token, ticketId: ticket.id });
    expect(seen).toMatchObject({ code: "TK-1", title: "Checkout fails", state: "waiting_on_customer" });
    expect(seen.replies).toEqual([{ id: expect.any(String), author: "agent", authorName: "Bo", body: "Which browser?", createdAt: expect.any(Number) }]);

    await t.mutation(api.tickets.reply, { sessionToken: token, ticketId: ticket.id, body: "Firefox 140" });
    const detail = await agent.query(api.ticketsInbox.get, { workspaceId, ticket: ticket.id });
    expect(detail.state).toBe("in_progress");
    expect(detail.replies.map((reply) => [reply.author, reply.body])).toEqual([
      ["agent", "Which browser?"],
      ["visitor", "Firefox 140"],
    ]);
    expect(detail.metrics.TIME_TO_FIRST_RESPONSE.finished).toBe(true);
    expect((await t.query(api.tickets.listForVisitor, { sessionToken: token }))[0]).toMatchObject({ code: "TK-1", state: "in_progress" });

    await expectAppError(t.mutation(api.tickets.reply, { sessionToken: bob.sessionToken, ticketId: ticket.id, body: "me too" }), "NOT_FOUND", "ticketId");
    await expectAppError(t.mutation(api.tickets.reply, { sessionToken: token, ticketId: ticket.id, body: "" }), "INVALID_ARGUMENT", "body");
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "cancelled" });
    await expectAppError(t.mutation(api.tickets.reply, { sessionToken: token, ticketId: ticket.id, body: "hello?" }), "CONFLICT", "ticketId");
  });

  test("the REST API moves tickets through the same path: cancelled is a state, codes and priority are shown", async () => {
    const { t, admin, workspaceId, ticket } = await ticketSetup();
    const patched = await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "cancelled", note: "Duplicate" });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ code: "TK-1", state: "cancelled", priority: "MEDIUM" });
    const detail = await admin.query(api.ticketsInbox.get, { workspaceId, ticket: ticket.id });
    expect(detail.history.map((event) => event.kind)).toEqual(["state", "state", "note"]);
    expect(detail.history[1]).toMatchObject({ state: "cancelled", by: null });
    expect(detail.metrics.TIME_TO_RESOLVE.finished).toBe(true);
  });
});
