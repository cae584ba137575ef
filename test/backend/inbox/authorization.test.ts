// Every operator function, called by: nobody, a member of another workspace, an agent where
// an admin is needed, and a signed-out session. Each must refuse on the server.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, expectAppError, newBackend, type TestBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

type Client = Pick<TestBackend, "query" | "mutation" | "action">;
type Ids = { workspaceId: string; conversationId: string; userId: string; inviteId: string; visitorId: string };
type Call = (client: Client, ids: Ids) => Promise<unknown>;

/** Operator functions everyone in the workspace may call. */
const memberCalls: Record<string, Call> = {
  "members:list": (c, ids) => c.query(api.members.list, { workspaceId: ids.workspaceId }),
  "inboxConversations:list": (c, ids) => c.query(api.inboxConversations.list, { workspaceId: ids.workspaceId, filter: "open", limit: 10 }),
  "inboxConversations:get": (c, ids) => c.query(api.inboxConversations.get, pick(ids)),
  "inboxConversations:assign": (c, ids) => c.mutation(api.inboxConversations.assign, { ...pick(ids), assigneeId: ids.userId }),
  "inboxConversations:assignTeam": (c, ids) => c.mutation(api.inboxConversations.assignTeam, { ...pick(ids), supportTeamId: null }),
  "inboxConversations:snooze": (c, ids) => c.mutation(api.inboxConversations.snooze, { ...pick(ids), until: Date.now() + 3_600_000 }),
  "inboxConversations:setStatus": (c, ids) => c.mutation(api.inboxConversations.setStatus, { ...pick(ids), status: "closed" }),
  "inboxConversations:markRead": (c, ids) => c.mutation(api.inboxConversations.markRead, pick(ids)),
  "inboxConversations:setTypingIndicator": (c, ids) => c.mutation(api.inboxConversations.setTypingIndicator, { ...pick(ids), typing: true }),
  "inboxMessages:list": (c, ids) => c.query(api.inboxMessages.list, pick(ids)),
  "inboxMessages:reply": (c, ids) => c.mutation(api.inboxMessages.reply, { ...pick(ids), body: "Hello" }),
  "inboxNotes:list": (c, ids) => c.query(api.inboxNotes.list, pick(ids)),
  "inboxNotes:add": (c, ids) => c.mutation(api.inboxNotes.add, { ...pick(ids), body: "Internal" }),
  "inboxVisitors:forConversation": (c, ids) => c.query(api.inboxVisitors.forConversation, pick(ids)),
  "inboxContacts:list": (c, ids) => c.query(api.inboxContacts.list, { workspaceId: ids.workspaceId, search: "", limit: 10 }),
  "inboxContacts:conversations": (c, ids) => c.query(api.inboxContacts.conversations, { workspaceId: ids.workspaceId, visitorId: ids.visitorId }),
};

/** Operator functions only admins may call. */
const adminCalls: Record<string, Call> = {
  "invites:create": (c, ids) => c.action(api.invites.create, { workspaceId: ids.workspaceId, email: "new@example.com", role: "agent" }),
  "invites:listPending": (c, ids) => c.query(api.invites.listPending, { workspaceId: ids.workspaceId }),
  "invites:revoke": (c, ids) => c.mutation(api.invites.revoke, { workspaceId: ids.workspaceId, inviteId: ids.inviteId }),
  "members:setRole": (c, ids) => c.mutation(api.members.setRole, { workspaceId: ids.workspaceId, userId: ids.userId, role: "agent" }),
};

function pick(ids: Ids) {
  return { workspaceId: ids.workspaceId, conversationId: ids.conversationId };
}

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const visitor = await bootVisitor(t, "visitor-1", "acme");
  const sent = await t.mutation(api.messages.send, { sessionToken: visitor.sessionToken, body: "Hi", clientMessageId: "m-1" });
  const inviteId = await t.run((ctx) =>
    ctx.db.insert("invites", { workspaceId: teams.acme, email: "x@example.com", role: "agent", tokenHash: "h", createdAt: 0, expiresAt: Date.now() + 60_000 }),
  );
  const ids: Ids = { workspaceId: teams.acme, conversationId: sent.conversationId, userId: teams.acmeAgent.userId, inviteId, visitorId: visitor.visitorId };
  return { t, teams, ids };
}

const allCalls = Object.entries({ ...memberCalls, ...adminCalls });

describe("operator functions refuse", { timeout: 30_000 }, () => {
  test.each(allCalls)("%s: without a signed-in operator", async (_name, call) => {
    const { t, ids } = await world();
    await expectAppError(call(t, ids), "UNAUTHENTICATED");
  });

  test.each(allCalls)("%s: a member of another workspace", async (_name, call) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.globexAdmin.client, ids), "FORBIDDEN");
  });

  test.each(allCalls)("%s: a session that was signed out", async (_name, call) => {
    const { t, teams, ids } = await world();
    await t.run((ctx) => ctx.db.delete("authSessions", teams.acmeAdmin.sessionId as Id<"authSessions">));
    await expectAppError(call(teams.acmeAdmin.client, ids), "UNAUTHENTICATED");
  });

  test.each(Object.entries(adminCalls))("%s: an agent doing an admin's job", async (_name, call) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.acmeAgent.client, ids), "FORBIDDEN");
  });

  test.each(Object.entries(memberCalls).filter(([name]) => !["members:list", "inboxConversations:list", "inboxContacts:list", "inboxContacts:conversations"].includes(name)))(
    "%s: another workspace's conversation through one's own workspace",
    async (_name, call) => {
      const { t, teams, ids } = await world();
      await bootVisitor(t, "visitor-g", "globex");
      const foreign = await t.run(async (ctx) => (await ctx.db.query("conversations").collect())[0]!._id);
      await expectAppError(call(teams.globexAdmin.client, { ...ids, workspaceId: teams.globex, conversationId: foreign }), "NOT_FOUND");
    },
  );

  test("inboxContacts:conversations: another workspace's contact through one's own workspace", async () => {
    const { teams, ids } = await world();
    await expectAppError(memberCalls["inboxContacts:conversations"]!(teams.globexAdmin.client, { ...ids, workspaceId: teams.globex }), "NOT_FOUND");
  });
});

describe("operator functions allow", { timeout: 30_000 }, () => {
  test.each(allCalls)("%s: an admin of the workspace", async (_name, call) => {
    const { teams, ids } = await world();
    await expect(call(teams.acmeAdmin.client, ids)).resolves.not.toThrow();
  });

  test.each(Object.entries(memberCalls))("%s: an agent of the workspace", async (_name, call) => {
    const { teams, ids } = await world();
    await expect(call(teams.acmeAgent.client, ids)).resolves.not.toThrow();
  });
});

test("every public function of the operator modules is in this table", async () => {
  const modules = ["members", "invites", "inboxConversations", "inboxMessages", "inboxNotes", "inboxVisitors", "inboxContacts"] as const;
  const exported = await Promise.all(
    modules.map(async (name) => {
      const module = (await import(`../../../convex/${name}.ts`)) as Record<string, { isPublic?: boolean }>;
      return Object.entries(module).filter(([, fn]) => fn?.isPublic === true).map(([fn]) => `${name}:${fn}`);
    }),
  );
  // Not operator-scoped: who am I (null when signed out), ending one's own sessions, the invite page.
  const unscoped = ["members:me", "members:signOutEverywhere", "invites:preview"];
  expect(exported.flat().filter((name) => !unscoped.includes(name)).sort()).toEqual(allCalls.map(([name]) => name).sort());
});
