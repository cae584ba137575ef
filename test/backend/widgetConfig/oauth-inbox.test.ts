// Settings → OAuth clients: the configuration API's clients managed from the inbox, through the
// same functions and audit entries as the REST API; and a secret rotation over both.
import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { expectAppError } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { BASE, configBackend, defaultConfiguration, json, oauthToken, send, tokenRequest } from "./support";

useAuthEnvironment();
afterEach(() => {
  vi.unstubAllEnvs();
});

const auditActions = async (t: Awaited<ReturnType<typeof configBackend>>["t"]) =>
  await t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((entry) => [entry.action, entry.actor.type, entry.target?.id ?? null]));

describe("Settings → OAuth clients", () => {
  test("an admin creates a client (secret shown once, hashed), lists it, rotates its secret and revokes it; each step audited", async () => {
    const { t, workspaceId } = await configBackend();
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    const created = await admin.action(api.oauthClientsInbox.create, { workspaceId, name: " Design system ", scopes: ["widget.config:view", "widget.config:view"] });
    expect(created).toMatchObject({ name: "Design system", scopes: ["widget.config:view"], revokedAt: null, clientSecret: expect.stringMatching(/^ocs_/) });
    const listed = await admin.query(api.oauthClientsInbox.list, { workspaceId });
    expect(listed.map((client) => client.clientId)).toEqual([created.clientId]);
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    expect(JSON.stringify(await t.run(async (ctx) => await ctx.db.query("oauthClients").collect()))).not.toContain(created.clientSecret);
    const issued = await tokenRequest(t, created.clientId, created.clientSecret, "grant_type=client_credentials");
    const { access_token: oldToken } = await json(issued);
    const { id } = await defaultConfiguration(t);
    expect((await send(t, `${BASE}/${id}`, { bearer: oldToken })).status).toBe(200);

    // A token issued in an earlier second than the rotation: refused afterwards, like the old secret.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const rotated = await admin.action(api.oauthClientsInbox.rotateSecret, { workspaceId, clientId: created.clientId });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect((await tokenRequest(t, created.clientId, created.clientSecret, "grant_type=client_credentials")).status).toBe(401);
    const stale = await send(t, `${BASE}/${id}`, { bearer: oldToken });
    expect(stale.status).toBe(401);
    expect(stale.headers.get("WWW-Authenticate")).toContain("secret was replaced");
    const fresh = await json(await tokenRequest(t, created.clientId, rotated.clientSecret, "grant_type=client_credentials"));
    expect((await send(t, `${BASE}/${id}`, { bearer: fresh.access_token })).status).toBe(200);

    await admin.mutation(api.oauthClientsInbox.revoke, { workspaceId, clientId: created.clientId });
    expect((await send(t, `${BASE}/${id}`, { bearer: fresh.access_token })).status).toBe(401);
    await expectAppError(admin.action(api.oauthClientsInbox.rotateSecret, { workspaceId, clientId: created.clientId }), "CONFLICT", "clientId");
    expect(await auditActions(t)).toEqual(
      expect.arrayContaining([
        ["oauth_client.created", "operator", created.clientId],
        ["oauth_client.secret_rotated", "operator", created.clientId],
        ["oauth_client.revoked", "operator", created.clientId],
      ]),
    );
  });

  test("a name and at least one known scope are required, named at their field; another workspace's client is not found", async () => {
    const { t, workspaceId } = await configBackend();
    const admin = (await signedInOperator(t, workspaceId, "admin")).client;
    await expectAppError(admin.action(api.oauthClientsInbox.create, { workspaceId, name: "  ", scopes: ["widget.config:view"] }), "INVALID_ARGUMENT", "name");
    await expectAppError(admin.action(api.oauthClientsInbox.create, { workspaceId, name: "CI", scopes: [] }), "INVALID_ARGUMENT", "scopes");
    await expectAppError(admin.action(api.oauthClientsInbox.create, { workspaceId, name: "CI", scopes: ["widget.config:admin"] }), "INVALID_ARGUMENT", "scopes");
    expect(await t.run(async (ctx) => await ctx.db.query("oauthClients").collect())).toEqual([]);
    await expectAppError(admin.mutation(api.oauthClientsInbox.revoke, { workspaceId, clientId: "occ_nope" }), "NOT_FOUND", "clientId");
  });

  test("over REST, POST /oauth/clients/{id}/secret rotates the secret, audited with the key as actor", async () => {
    const { t } = await configBackend();
    const { clientId, clientSecret } = await oauthToken(t, ["widget.config:view"]);
    const response = await send(t, `/api/v1/oauth/clients/${clientId}/secret`, { method: "POST" });
    expect(response.status).toBe(200);
    const { data } = await json(response);
    expect(data).toEqual({ clientId, clientSecret: expect.stringMatching(/^ocs_/) });
    expect((await tokenRequest(t, clientId, clientSecret, "grant_type=client_credentials")).status).toBe(401);
    expect((await tokenRequest(t, clientId, data.clientSecret, "grant_type=client_credentials")).status).toBe(200);
    expect(await auditActions(t)).toEqual(expect.arrayContaining([["oauth_client.secret_rotated", "api_key", clientId]]));
    expect((await send(t, "/api/v1/oauth/clients/occ_nope/secret", { method: "POST" })).status).toBe(404);
  });
});
