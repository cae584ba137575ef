// What the Settings screen's operator functions do for an admin: support team members,
// messenger settings checked field by field, API keys shown once and hashed at rest with
// their last use, security settings and secret rotation, all in the audit log.
import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { sha256Hex } from "../../../convex/lib/crypto";
import { expectAppError, newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

async function world() {
  const t = newBackend();
  const teams = await twoTeams(t);
  return { t, ...teams, admin: teams.acmeAdmin.client };
}

async function auditActions(t: ReturnType<typeof newBackend>) {
  return await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => ({ action: entry.action, actor: entry.actor.type })));
}

describe("support teams", () => {
  test("take workspace members, refuse anyone else, and drop their members when deleted", async () => {
    const { t, acme, admin, acmeAgent, globexAdmin } = await world();
    const team = await admin.mutation(api.supportTeams.create, { workspaceId: acme, name: "Billing" });
    const updated = await admin.mutation(api.supportTeams.setMembers, { workspaceId: acme, teamId: team.id, userIds: [acmeAgent.userId, acmeAgent.userId] });
    expect(updated.memberIds).toEqual([acmeAgent.userId]);
    expect((await admin.query(api.supportTeams.list, { workspaceId: acme }))[0]?.memberIds).toEqual([acmeAgent.userId]);
    await expectAppError(admin.mutation(api.supportTeams.setMembers, { workspaceId: acme, teamId: team.id, userIds: [globexAdmin.userId] }), "INVALID_ARGUMENT", "userIds");
    await admin.mutation(api.supportTeams.remove, { workspaceId: acme, teamId: team.id });
    expect(await t.run((ctx) => ctx.db.query("supportTeamMembers").collect())).toEqual([]);
  });
});

describe("messenger settings", () => {
  test("change greeting, tabs and office hours, name the bad field, and leave the look alone", async () => {
    const { t, acme, admin } = await world();
    const settings = await admin.mutation(api.messengerSettings.inboxUpdate, {
      workspaceId: acme,
      greeting: "  Hello there ",
      teamName: "Acme support",
      officeHours: { timeZone: "Europe/Paris", intervals: [{ day: 1, open: "09:00", close: "17:00" }] },
      offlineMessage: "We answer by email.",
    });
    expect(settings).toMatchObject({ greeting: "Hello there", teamName: "Acme support", offlineMessage: "We answer by email." });
    expect(settings).not.toHaveProperty("primaryColor");
    expect(settings).not.toHaveProperty("theme");
    await expectAppError(
      admin.mutation(api.messengerSettings.inboxUpdate, { workspaceId: acme, officeHours: { timeZone: "Mars/Olympus", intervals: [] } }),
      "INVALID_ARGUMENT",
      "officeHours.timeZone",
    );
    await expectAppError(
      admin.mutation(api.messengerSettings.inboxUpdate, { workspaceId: acme, tabs: [{ id: "messages", enabled: false, visibleTo: "all" }] }),
      "INVALID_ARGUMENT",
      "tabs.0",
    );
    expect((await admin.query(api.messengerSettings.inboxGet, { workspaceId: acme })).greeting).toBe("Hello there");
    expect(await auditActions(t)).toContainEqual({ action: "messenger_settings.updated", actor: "operator" });
  });
});

describe("API keys", () => {
  test("are shown once, stored as a hash, list their last use, and stop working when revoked", async () => {
    const { t, acme, admin, globexAdmin } = await world();
    const created = await admin.action(api.apiKeys.inboxCreate, { workspaceId: acme, name: "  CI deploys " });
    expect(created.apiKey).toMatch(/^oc_live_/);
    const row = await t.run((ctx) => ctx.db.get("apiKeys", created.apiKeyId));
    expect(row?.keyHash).toBe(await sha256Hex(created.apiKey));
    expect(JSON.stringify(row)).not.toContain(created.apiKey);
    const [listed] = await admin.query(api.apiKeys.inboxList, { workspaceId: acme });
    expect(listed).toMatchObject({ name: "CI deploys", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.apiKey.slice(12));

    const response = await t.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer ${created.apiKey}` } });
    expect(response.status).toBe(200);
    expect((await admin.query(api.apiKeys.inboxList, { workspaceId: acme }))[0]?.lastUsedAt).toEqual(expect.any(Number));

    await expectAppError(admin.action(api.apiKeys.inboxCreate, { workspaceId: acme, name: " " }), "INVALID_ARGUMENT", "name");
    // An admin of another workspace cannot reach this key through their own workspace either.
    const globex = (await globexAdmin.client.query(api.members.me, {}))!.workspaces[0]!.workspaceId;
    await expectAppError(globexAdmin.client.mutation(api.apiKeys.inboxRevoke, { workspaceId: globex, apiKeyId: created.apiKeyId }), "NOT_FOUND", "apiKeyId");

    await admin.mutation(api.apiKeys.inboxRevoke, { workspaceId: acme, apiKeyId: created.apiKeyId });
    expect((await t.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer ${created.apiKey}` } })).status).toBe(401);
    const actions = await auditActions(t);
    expect(actions).toContainEqual({ action: "api_key.created", actor: "operator" });
    expect(actions).toContainEqual({ action: "api_key.revoked", actor: "operator" });
  });
});

describe("security settings", () => {
  test("refuse a bad origin at its index, rotate the secret once with a grace period, never show it again", async () => {
    const { t, acme, admin } = await world();
    await expectAppError(
      admin.mutation(api.workspaceSecurity.inboxUpdate, { workspaceId: acme, allowedOrigins: ["https://shop.example.com", "not an origin"] }),
      "INVALID_ARGUMENT",
      "allowedOrigins.1",
    );
    const updated = await admin.mutation(api.workspaceSecurity.inboxUpdate, {
      workspaceId: acme,
      allowedOrigins: [" https://shop.example.com ", "https://*.example.org"],
      identityVerificationMode: "required",
      sessionLifetimeHours: 12,
      jwtMaxAgeSeconds: 600,
    });
    expect(updated).toMatchObject({ allowedOrigins: ["https://shop.example.com", "https://*.example.org"], sessionLifetimeHours: 12, identityVerification: { mode: "required", jwtMaxAgeSeconds: 600 } });

    const before = Date.now();
    const rotated = await admin.action(api.workspaceSecurity.inboxRotateSecret, { workspaceId: acme, gracePeriodHours: 2 });
    expect(rotated.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.previousSecretExpiresAt).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
    await expectAppError(admin.action(api.workspaceSecurity.inboxRotateSecret, { workspaceId: acme, gracePeriodHours: 500 }), "INVALID_ARGUMENT", "gracePeriodHours");
    const shown = await admin.query(api.workspaceSecurity.inboxGet, { workspaceId: acme });
    expect(shown.hasIdentitySecret).toBe(true);
    expect(JSON.stringify(shown)).not.toContain(rotated.identitySecret);
    expect(await t.run(async (ctx) => (await ctx.db.get("workspaces", acme))?.identitySecret)).toBe(rotated.identitySecret);
    const actions = await auditActions(t);
    expect(actions).toContainEqual({ action: "security_settings.updated", actor: "operator" });
    expect(actions).toContainEqual({ action: "identity_secret.rotated", actor: "operator" });
    // The REST door still works through the same rules.
    await t.mutation(internal.workspaceSecurity.update, { workspaceId: acme, sessionLifetimeHours: 3 });
    expect((await admin.query(api.workspaceSecurity.inboxGet, { workspaceId: acme })).sessionLifetimeHours).toBe(3);
  });
});
