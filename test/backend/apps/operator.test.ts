// The admins' Settings page for custom apps: register, list, change, remove, on the
// server's checks of identity, workspace and role, with each change in the audit log.
import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { expectAppError, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

const drafter = {
  name: "Reply drafter",
  url: "http://drafter.localhost:5181/reply-drafter/",
  allowedOrigins: ["http://drafter.localhost:5181"],
  screens: ["CHATS" as const],
  enabled: true,
  protocol: "opencom" as const,
};

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  const admin = teams.acmeAdmin.client;
  const app = await admin.mutation(api.apps.create, { workspaceId: teams.acme, fields: drafter });
  return { t, ...teams, admin, app };
}

describe("custom apps in Settings", () => {
  test("an admin registers, lists, disables and removes an app; each change is audited", async () => {
    const { t, acme, admin, app } = await world();
    expect(await admin.query(api.apps.list, { workspaceId: acme })).toEqual([expect.objectContaining({ id: app.id, name: "Reply drafter", enabled: true })]);
    expect(await admin.query(api.apps.listForScreen, { workspaceId: acme, screen: "CHATS" })).toHaveLength(1);

    await admin.mutation(api.apps.update, { workspaceId: acme, id: app.id, fields: { enabled: false } });
    expect(await admin.query(api.apps.listForScreen, { workspaceId: acme, screen: "CHATS" })).toEqual([]);

    await admin.mutation(api.apps.remove, { workspaceId: acme, id: app.id });
    expect(await admin.query(api.apps.list, { workspaceId: acme })).toEqual([]);

    const actions = await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => [entry.action, entry.actor.type, entry.target?.id]));
    expect(actions).toEqual([
      ["apps.created", "operator", app.id],
      ["apps.updated", "operator", app.id],
      ["apps.deleted", "operator", app.id],
    ]);
  });

  test("refusals name the field, and nothing is stored", async () => {
    const { acme, admin } = await world();
    await expectAppError(admin.mutation(api.apps.create, { workspaceId: acme, fields: { ...drafter } }), "CONFLICT", "name");
    await expectAppError(
      admin.mutation(api.apps.create, { workspaceId: acme, fields: { ...drafter, name: "Other", allowedOrigins: ["https://elsewhere.example.com"] } }),
      "INVALID_ARGUMENT",
      "url",
    );
    await expectAppError(admin.mutation(api.apps.create, { workspaceId: acme, fields: { ...drafter, name: "No screens", screens: [] } }), "INVALID_ARGUMENT", "screens");
    expect(await admin.query(api.apps.list, { workspaceId: acme })).toHaveLength(1);
  });

  test("an agent sees the apps of a screen but cannot list all, register, change or remove", async () => {
    const { acme, acmeAgent, app } = await world();
    const agent = acmeAgent.client;
    expect(await agent.query(api.apps.listForScreen, { workspaceId: acme, screen: "CHATS" })).toHaveLength(1);
    await expectAppError(agent.query(api.apps.list, { workspaceId: acme }), "FORBIDDEN");
    await expectAppError(agent.mutation(api.apps.create, { workspaceId: acme, fields: { ...drafter, name: "Mine" } }), "FORBIDDEN");
    await expectAppError(agent.mutation(api.apps.update, { workspaceId: acme, id: app.id, fields: { enabled: false } }), "FORBIDDEN");
    await expectAppError(agent.mutation(api.apps.remove, { workspaceId: acme, id: app.id }), "FORBIDDEN");
  });

  test("another workspace's admin reaches none of them, and nobody signed out reaches anything", async () => {
    const { t, acme, globex, globexAdmin, admin, app } = await world();
    const stranger = globexAdmin.client;
    await expectAppError(stranger.query(api.apps.list, { workspaceId: acme }), "FORBIDDEN");
    await expectAppError(stranger.query(api.apps.listForScreen, { workspaceId: acme, screen: "CHATS" }), "FORBIDDEN");
    // Their own workspace, our app's id: not theirs to change.
    await expectAppError(stranger.mutation(api.apps.update, { workspaceId: globex, id: app.id, fields: { enabled: false } }), "NOT_FOUND", "id");
    await expectAppError(stranger.mutation(api.apps.remove, { workspaceId: globex, id: app.id }), "NOT_FOUND", "id");
    await expectAppError(t.query(api.apps.list, { workspaceId: acme }), "UNAUTHENTICATED");
    await expectAppError(t.mutation(api.apps.create, { workspaceId: acme, fields: { ...drafter, name: "Anon" } }), "UNAUTHENTICATED");
    expect(await admin.query(api.apps.list, { workspaceId: acme })).toEqual([expect.objectContaining({ id: app.id, enabled: true })]);
  });
});
