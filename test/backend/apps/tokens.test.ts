import { SignJWT, importJWK, type JWK } from "jose";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { decodeAppToken, verifyAppToken } from "../../../src/apps-kit/token";
import { createWorkspace, expectAppError } from "../helpers";
import { call, restBackend } from "../rest/support";

const SITE = "https://happy-otter-123.convex.site";
const ISSUER = `${SITE}/apps`;

let keyA: JWK;
let keyB: JWK;
let stranger: JWK;

beforeAll(async () => {
  const { generateSigningKey } = await import("../../../convex/lib/appSigningKeys");
  [keyA, keyB, stranger] = await Promise.all([generateSigningKey(), generateSigningKey(), generateSigningKey()]);
}, 60_000);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

function useKeys(...keys: JWK[]) {
  vi.stubEnv("CONVEX_SITE_URL", SITE);
  vi.stubEnv("OPENCOM_APPS_SIGNING_KEYS", JSON.stringify(keys));
}

async function withApp(protocol: "opencom" | "bm-widget" = "opencom") {
  const { t, workspaceId } = await restBackend();
  const app = await t.mutation(internal.apps.adminCreate, {
    workspaceId,
    fields: { name: "SLA guardian", url: "http://sla.localhost:5181/", allowedOrigins: ["http://*.localhost:5181"], screens: ["TICKETS"], enabled: true, protocol },
  });
  const jwks = async () => (await (await call(t, "GET", "/api/v1/apps/jwks.json", { key: null })).json()) as { keys: JWK[] };
  // Signed in as Convex Auth signs operators in: a user, a live session, a membership.
  const { userId, sessionId } = await t.run(async (ctx) => {
    const userId = await ctx.db.insert("users", { email: "agent@acme.test", name: "Agent" });
    const sessionId = await ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 3_600_000 });
    await ctx.db.insert("members", { workspaceId, userId, role: "agent", name: "Agent", createdAt: Date.now() });
    return { userId, sessionId };
  });
  const operator = t.withIdentity({ subject: `${userId}|${sessionId}`, email: "agent@acme.test" });
  const issue = () => operator.action(api.apps.issueToken, { appId: app.id });
  return { t, workspaceId, app, jwks, issue, operator, userId };
}

describe("app tokens", () => {
  test("valid: RS256 with kid and the contract's claims, verified by the kit against the public key set", async () => {
    useKeys(keyA);
    const { app, workspaceId, jwks, issue, userId } = await withApp();
    const { token, expiresAt } = await issue();
    const header = JSON.parse(atob(token.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    expect(header).toEqual({ alg: "RS256", kid: keyA.kid, typ: "JWT" });
    const claims = await verifyAppToken(token, { jwks: await jwks(), issuer: ISSUER, audience: app.id });
    expect(claims).toEqual({
      iss: ISSUER,
      aud: app.id,
      sub: userId,
      email: "agent@acme.test",
      app_name: "SLA guardian",
      workspace_id: workspaceId,
      iat: expect.any(Number),
      exp: claims.iat + 600,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(expiresAt).toBe(claims.exp * 1000);
    const second = await issue();
    expect(decodeAppToken(second.token).jti).not.toBe(claims.jti);
  });

  test("the vendor dialect carries its own claim names", async () => {
    useKeys(keyA);
    const { app, workspaceId, jwks, issue, userId } = await withApp("bm-widget");
    const claims = await verifyAppToken((await issue()).token, { jwks: await jwks(), issuer: ISSUER, audience: app.id });
    expect(claims).toMatchObject({ "custom-widget-name": "SLA guardian", businessId: workspaceId, email: "agent@acme.test", sub: userId });
    expect(claims).not.toHaveProperty("app_name");
  });

  test("the key set is public, holds no private parts, and is readable from any origin", async () => {
    useKeys(keyA, keyB);
    const { t } = await withApp();
    const response = await call(t, "GET", "/api/v1/apps/jwks.json", { key: null, origin: "http://sla.localhost:5181" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await response.json()) as { keys: JWK[] };
    expect(body.keys.map((key) => Object.keys(key).sort())).toEqual([
      ["alg", "e", "kid", "kty", "n", "use"],
      ["alg", "e", "kid", "kty", "n", "use"],
    ]);
    expect(body.keys.map((key) => key.kid)).toEqual([keyA.kid, keyB.kid]);
  });

  test("expired: refused once exp has passed (beyond the tolerance)", async () => {
    useKeys(keyA);
    const { app, jwks, issue } = await withApp();
    const { token } = await issue();
    const keys = await jwks();
    vi.useFakeTimers({ now: Date.now() + 11 * 60 * 1000, toFake: ["Date"] });
    await expect(verifyAppToken(token, { jwks: keys, issuer: ISSUER, audience: app.id })).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
  });

  test("signed by another key (even with a known kid): refused", async () => {
    useKeys(keyA);
    const { app, jwks } = await withApp();
    const forged = await new SignJWT({ app_name: "SLA guardian" })
      .setProtectedHeader({ alg: "RS256", kid: keyA.kid! })
      .setIssuer(ISSUER)
      .setAudience(app.id)
      .setSubject("user_1")
      .setIssuedAt()
      .setExpirationTime("5m")
      .setJti("x")
      .sign(await importJWK(stranger, "RS256"));
    await expect(verifyAppToken(forged, { jwks: await jwks(), issuer: ISSUER, audience: app.id })).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
  });

  test("alg none: refused", async () => {
    useKeys(keyA);
    const { app, jwks, issue } = await withApp();
    const [, payload] = (await issue()).token.split(".");
    const unsigned = `${btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "")}.${payload}.`;
    await expect(verifyAppToken(unsigned, { jwks: await jwks(), issuer: ISSUER, audience: app.id })).rejects.toMatchObject({ code: "ERR_JOSE_ALG_NOT_ALLOWED" });
  });

  test("wrong audience (a token made for another app) and wrong issuer: refused", async () => {
    useKeys(keyA);
    const { jwks, issue, app } = await withApp();
    const { token } = await issue();
    await expect(verifyAppToken(token, { jwks: await jwks(), issuer: ISSUER, audience: "another-app-id" })).rejects.toMatchObject({ code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "aud" });
    await expect(verifyAppToken(token, { jwks: await jwks(), issuer: "https://elsewhere.test/apps", audience: app.id })).rejects.toMatchObject({ claim: "iss" });
  });

  test("after a key rotation: old tokens verify during the overlap, new ones carry the new kid, and the old key's removal ends the old tokens", async () => {
    useKeys(keyA);
    const { app, jwks, issue, userId } = await withApp();
    const before = (await issue()).token;

    useKeys(keyB, keyA); // rotation: the new key signs, the old one is still published
    const overlap = await jwks();
    const after = (await issue()).token;
    expect(JSON.parse(atob(after.split(".")[0]!)).kid).toBe(keyB.kid);
    await expect(verifyAppToken(before, { jwks: overlap, issuer: ISSUER, audience: app.id })).resolves.toMatchObject({ sub: userId });
    await expect(verifyAppToken(after, { jwks: overlap, issuer: ISSUER, audience: app.id })).resolves.toMatchObject({ sub: userId });

    useKeys(keyB); // overlap over
    const finished = await jwks();
    await expect(verifyAppToken(after, { jwks: finished, issuer: ISSUER, audience: app.id })).resolves.toBeTruthy();
    await expect(verifyAppToken(before, { jwks: finished, issuer: ISSUER, audience: app.id })).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
  });
});

describe("issueToken", () => {
  test("needs a signed-in operator and an enabled app", async () => {
    useKeys(keyA);
    const { t, app, workspaceId, operator } = await withApp();
    await expectAppError(t.action(api.apps.issueToken, { appId: app.id }), "UNAUTHENTICATED");
    await expectAppError(operator.action(api.apps.issueToken, { appId: "nope" }), "NOT_FOUND", "appId");
    // A signed-in operator of another workspace gets no token for this one's app.
    const elsewhere = await createWorkspace(t, { publicId: "elsewhere" });
    const outsiderIds = await t.run(async (ctx) => {
      const userId = await ctx.db.insert("users", { email: "outsider@other.test" });
      const sessionId = await ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 3_600_000 });
      await ctx.db.insert("members", { workspaceId: elsewhere, userId, role: "admin", name: "Outsider", createdAt: Date.now() });
      return `${userId}|${sessionId}`;
    });
    const outsider = t.withIdentity({ subject: outsiderIds });
    await expectAppError(outsider.action(api.apps.issueToken, { appId: app.id }), "FORBIDDEN");
    await expectAppError(outsider.query(api.apps.listForScreen, { workspaceId, screen: "TICKETS" }), "FORBIDDEN");
    await t.mutation(internal.apps.adminUpdate, { workspaceId, id: app.id, fields: { enabled: false } });
    await expectAppError(operator.action(api.apps.issueToken, { appId: app.id }), "NOT_FOUND", "appId");
  });

  test("says which variable is missing when no keys are configured, and the key set says so too", async () => {
    vi.stubEnv("CONVEX_SITE_URL", SITE);
    vi.stubEnv("OPENCOM_APPS_SIGNING_KEYS", "");
    const { t, issue } = await withApp();
    await expect(issue()).rejects.toThrow(/OPENCOM_APPS_SIGNING_KEYS is not set/);
    const response = await call(t, "GET", "/api/v1/apps/jwks.json", { key: null });
    expect(response.status).toBe(500);
    vi.stubEnv("OPENCOM_APPS_SIGNING_KEYS", '[{"kty":"RSA","n":"x","e":"AQAB"}]');
    await expect(issue()).rejects.toThrow("OPENCOM_APPS_SIGNING_KEYS[0] is not a private RSA JWK.");
  });

  test("generateSigningKey makes a private RS256 JWK with its thumbprint as kid", async () => {
    const { t } = await withApp();
    const { kid, jwk } = await t.action(internal.apps.generateSigningKey, {});
    const parsed = JSON.parse(jwk) as JWK;
    expect(parsed).toMatchObject({ kty: "RSA", alg: "RS256", kid, d: expect.any(String) });
    useKeys(parsed);
    const { app, jwks, issue } = await withApp();
    await expect(verifyAppToken((await issue()).token, { jwks: await jwks(), issuer: ISSUER, audience: app.id })).resolves.toBeTruthy();
  });
});

describe("listForScreen", () => {
  test("lists a signed-in operator's enabled apps of one screen", async () => {
    const { t, workspaceId, operator } = await withApp();
    await t.mutation(internal.apps.adminCreate, {
      workspaceId,
      fields: { name: "Drafter", url: "http://127.0.0.1:5182/", allowedOrigins: ["http://127.0.0.1:5182"], screens: ["CHATS"], enabled: true, protocol: "opencom" },
    });
    await t.mutation(internal.apps.adminCreate, {
      workspaceId,
      fields: { name: "Off", url: "http://127.0.0.1:5183/", allowedOrigins: ["http://127.0.0.1:5183"], screens: ["CHATS"], enabled: false, protocol: "opencom" },
    });
    const chats = await operator.query(api.apps.listForScreen, { workspaceId, screen: "CHATS" });
    expect(chats.map((app) => app.name)).toEqual(["Drafter"]);
    const tickets = await operator.query(api.apps.listForScreen, { workspaceId, screen: "TICKETS" });
    expect(tickets.map((app) => app.name)).toEqual(["SLA guardian"]);
    await expectAppError(t.query(api.apps.listForScreen, { workspaceId, screen: "CHATS" }), "UNAUTHENTICATED");
  });
});
