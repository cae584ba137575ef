import { afterEach, describe, expect, test, vi } from "vitest";
import { BASE, configBackend, defaultConfiguration, json, oauthToken, send, tokenRequest } from "./support";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("OAuth 2.0 client credentials", () => {
  test("a client's secret is shown once, stored only hashed; the token is a short-lived Bearer JWT", async () => {
    const { t } = await configBackend();
    const created = await send(t, "/api/v1/oauth/clients", { method: "POST", body: { name: "design system", scopes: ["widget.config:view"] } });
    expect(created.status).toBe(201);
    const { clientId, clientSecret } = (await json(created)).data;
    expect(clientId).toMatch(/^occ_[0-9a-f]{24}$/);
    expect(clientSecret).toMatch(/^ocs_/);
    const listed = await json(await send(t, "/api/v1/oauth/clients"));
    expect(JSON.stringify(listed)).not.toContain(clientSecret);
    const stored = await t.run(async (ctx) => await ctx.db.query("oauthClients").collect());
    expect(JSON.stringify(stored)).not.toContain(clientSecret);
    const response = await tokenRequest(t, clientId, clientSecret, "grant_type=client_credentials");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const token = await json(response);
    expect(token).toEqual({ access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), token_type: "Bearer", expires_in: 900, scope: "widget.config:view" });
  });

  test("RFC 6749 errors: invalid_client (401, WWW-Authenticate), invalid_request, unsupported_grant_type, invalid_scope", async () => {
    const { t } = await configBackend();
    const { clientId, clientSecret } = await oauthToken(t, ["widget.config:view"]);
    const wrongSecret = await tokenRequest(t, clientId, `${clientSecret}x`, "grant_type=client_credentials");
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get("WWW-Authenticate")).toMatch(/^Basic realm=/);
    expect(await json(wrongSecret)).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    const noAuth = await t.fetch("/api/v1/oauth/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    expect(noAuth.status).toBe(401);
    expect((await json(noAuth)).error).toBe("invalid_client");
    const json_ = await tokenRequest(t, clientId, clientSecret, '{"grant_type":"client_credentials"}', "application/json");
    expect([json_.status, (await json(json_)).error]).toEqual([400, "invalid_request"]);
    const password = await tokenRequest(t, clientId, clientSecret, "grant_type=password&username=a&password=b");
    expect([password.status, (await json(password)).error]).toEqual([400, "unsupported_grant_type"]);
    const edit = await tokenRequest(t, clientId, clientSecret, "grant_type=client_credentials&scope=widget.config%3Aedit");
    expect([edit.status, (await json(edit)).error]).toEqual([400, "invalid_scope"]);
  });

  test("401 without or with a bad token, 403 insufficient_scope for a view-only token, 200 with the scope", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const viewer = await oauthToken(t, ["widget.config:view"]);
    const unauthenticated = await send(t, `${BASE}/${id}`, { bearer: null });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("WWW-Authenticate")).toContain("Bearer");
    const forged = `${viewer.token.slice(0, -4)}AAAA`;
    const bad = await send(t, `${BASE}/${id}`, { bearer: forged });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect((await send(t, `${BASE}/${id}`, { bearer: viewer.token })).status).toBe(200);
    const write = await send(t, `${BASE}/${id}`, { bearer: viewer.token, method: "PATCH", body: { name: "x" }, headers: { "If-Match": "*" } });
    expect(write.status).toBe(403);
    expect(write.headers.get("WWW-Authenticate")).toContain('error="insufficient_scope"');
    expect((await json(write)).error.message).toContain("insufficient_scope");
    const editor = await oauthToken(t, ["widget.config:view", "widget.config:edit"]);
    const ok = await send(t, `${BASE}/${id}`, { bearer: editor.token, method: "PATCH", body: { name: "Brand" }, headers: { "If-Match": "*" } });
    expect(ok.status).toBe(200);
    expect((await json(ok)).data.metadata.lastModifiedBy).toBe(editor.clientId);
    // An OAuth token is no admin key: other routes refuse it.
    expect((await send(t, "/api/v1/conversations", { bearer: editor.token })).status).toBe(401);
  });

  test("a revoked client's token stops working at once; an expired token is refused", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const viewer = await oauthToken(t, ["widget.config:view"]);
    expect((await send(t, `${BASE}/${id}`, { bearer: viewer.token })).status).toBe(200);
    expect((await send(t, `/api/v1/oauth/clients/${viewer.clientId}`, { method: "DELETE" })).status).toBe(200);
    expect((await send(t, `${BASE}/${id}`, { bearer: viewer.token })).status).toBe(401);
    const other = await oauthToken(t, ["widget.config:view"]);
    vi.useFakeTimers({ now: Date.now() + 16 * 60 * 1000, toFake: ["Date"] });
    expect((await send(t, `${BASE}/${id}`, { bearer: other.token })).status).toBe(401);
  });
});
