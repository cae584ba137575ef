// The Settings screen's operator functions, called by: nobody, a member of another
// workspace, an agent doing an admin's job, and a signed-out session. Each must refuse on
// the server, whatever the inbox shows or hides.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { expectAppError, newBackend, type TestBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

type Client = Pick<TestBackend, "query" | "mutation" | "action">;
type Ids = { workspaceId: Id<"workspaces">; teamId: string; apiKeyId: string; userId: string };
type Call = (client: Client, ids: Ids) => Promise<unknown>;

const adminCalls: Record<string, Call> = {
  "supportTeams:setMembers": (c, ids) => c.mutation(api.supportTeams.setMembers, { workspaceId: ids.workspaceId, teamId: ids.teamId, userIds: [ids.userId] }),
  "messengerSettings:inboxGet": (c, ids) => c.query(api.messengerSettings.inboxGet, { workspaceId: ids.workspaceId }),
  "messengerSettings:inboxUpdate": (c, ids) => c.mutation(api.messengerSettings.inboxUpdate, { workspaceId: ids.workspaceId, greeting: "Hi" }),
  "apiKeys:inboxList": (c, ids) => c.query(api.apiKeys.inboxList, { workspaceId: ids.workspaceId }),
  "apiKeys:inboxCreate": (c, ids) => c.action(api.apiKeys.inboxCreate, { workspaceId: ids.workspaceId, name: "CI" }),
  "apiKeys:inboxRevoke": (c, ids) => c.mutation(api.apiKeys.inboxRevoke, { workspaceId: ids.workspaceId, apiKeyId: ids.apiKeyId }),
  "workspaceSecurity:inboxGet": (c, ids) => c.query(api.workspaceSecurity.inboxGet, { workspaceId: ids.workspaceId }),
  "workspaceSecurity:inboxUpdate": (c, ids) => c.mutation(api.workspaceSecurity.inboxUpdate, { workspaceId: ids.workspaceId, sessionLifetimeHours: 2 }),
  "workspaceSecurity:inboxRotateSecret": (c, ids) => c.action(api.workspaceSecurity.inboxRotateSecret, { workspaceId: ids.workspaceId, gracePeriodHours: 1 }),
  "installation:issueToken": (c, ids) => c.action(api.installation.issueToken, { workspaceId: ids.workspaceId }),
  "installation:status": (c, ids) => c.query(api.installation.status, { workspaceId: ids.workspaceId }),
  "installation:setWebsiteUrl": (c, ids) => c.mutation(api.installation.setWebsiteUrl, { workspaceId: ids.workspaceId, websiteUrl: "https://www.acme.test/" }),
};

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const team = await teams.acmeAdmin.client.mutation(api.supportTeams.create, { workspaceId: teams.acme, name: "Billing" });
  const apiKeyId = await t.run((ctx) => ctx.db.insert("apiKeys", { workspaceId: teams.acme, name: "Old", keyHash: "h", prefix: "oc_live_ab", createdAt: 0 }));
  const ids: Ids = { workspaceId: teams.acme, teamId: team.id, apiKeyId, userId: teams.acmeAgent.userId };
  return { t, teams, ids };
}

const calls = Object.entries(adminCalls);

describe("settings functions refuse", { timeout: 30_000 }, () => {
  test.each(calls)("%s: without a signed-in operator", async (_name, call) => {
    const { t, ids } = await world();
    await expectAppError(call(t, ids), "UNAUTHENTICATED");
  });

  test.each(calls)("%s: an admin of another workspace", async (_name, call) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.globexAdmin.client, ids), "FORBIDDEN");
  });

  test.each(calls)("%s: an agent doing an admin's job", async (_name, call) => {
    const { teams, ids } = await world();
    await expectAppError(call(teams.acmeAgent.client, ids), "FORBIDDEN");
  });

  test.each(calls)("%s: a session that was signed out", async (_name, call) => {
    const { t, teams, ids } = await world();
    await t.run((ctx) => ctx.db.delete("authSessions", teams.acmeAdmin.sessionId));
    await expectAppError(call(teams.acmeAdmin.client, ids), "UNAUTHENTICATED");
  });

  test.each(calls)("%s: lets the workspace's admin through", async (_name, call) => {
    const { teams, ids } = await world();
    await call(teams.acmeAdmin.client, ids);
  });
});

test("every public function of the settings modules is in this table", async () => {
  const modules = ["messengerSettings", "apiKeys", "workspaceSecurity", "installation"] as const;
  const exported = await Promise.all(
    modules.map(async (name) => {
      const module = (await import(`../../../convex/${name}.ts`)) as Record<string, { isPublic?: boolean }>;
      return Object.entries(module).filter(([, fn]) => fn?.isPublic === true).map(([fn]) => `${name}:${fn}`);
    }),
  );
  // supportTeams' other functions are in test/backend/tickets/access.test.ts.
  expect([...exported.flat(), "supportTeams:setMembers"].sort()).toEqual(Object.keys(adminCalls).sort());
});
