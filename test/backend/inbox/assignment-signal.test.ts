// A member taking a conversation reaches the visitor's widget (its agent_assigned listeners)
// through the unread summary the widget already follows.
import { expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

test("assigning records when, and the visitor's summary names the newest assignment; unassigning keeps it", async () => {
  const t = newBackend();
  const { acme, acmeAgent } = await twoTeams(t);
  const visitor = await bootVisitor(t, "browser-1", "acme");
  const summary = () => t.query(api.messenger.unreadSummary, { sessionToken: visitor.sessionToken });
  const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hi", clientMessageId: "m1" });
  expect((await summary()).lastAssignment).toBeNull();

  const before = Date.now();
  await acmeAgent.client.mutation(api.inboxConversations.assign, { workspaceId: acme, conversationId: sent.conversationId, assigneeId: acmeAgent.userId });
  const assigned = (await summary()).lastAssignment;
  expect(assigned).toMatchObject({ conversationId: sent.conversationId });
  expect(assigned!.assignedAt).toBeGreaterThanOrEqual(before);

  await acmeAgent.client.mutation(api.inboxConversations.assign, { workspaceId: acme, conversationId: sent.conversationId, assigneeId: null });
  expect((await summary()).lastAssignment).toEqual(assigned);
});
