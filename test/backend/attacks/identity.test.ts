import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { TEST_SECRET, bootVisitor, createWorkspace, expectAppError, newBackend } from "../helpers";
import { rest } from "../messenger/support";
import { signUserJwt, userHashFor } from "../signing";

/*
 * Attacks on identity and sessions, replayed step by step as an attacker ran them
 * against a local stack. Each test failed before its fix.
 */

afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3_600_000;
const KEY = "oc_live_attack-tests-key-0000000000000000";
const hashed = (userId: string, secret = TEST_SECRET) => ({ userId, userHash: userHashFor(secret, userId) });

async function required() {
  const t = newBackend();
  const workspaceId = await createWorkspace(t, { identityVerificationMode: "required" });
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "attacks", key: KEY });
  return { t, workspaceId };
}

describe("a sessionId outlives logout", () => {
  test("after logout, boot with the verified visitor's sessionId and no proof does not reach their messages", async () => {
    const { t } = await required();
    const victim = await bootVisitor(t, "browser-S", "acme", hashed("victim"));
    const sent = await t.mutation(api.messages.send, {
      sessionToken: victim.sessionToken,
      body: "my card ends 4242",
      clientMessageId: "secret-1",
    });
    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: victim.sessionToken })).toEqual({ revokedSessions: 1 });

    const attacker = await bootVisitor(t, "browser-S"); // no user, no proof
    expect(attacker.visitorId).not.toBe(victim.visitorId);
    await expectAppError(
      t.query(api.messages.list, { sessionToken: attacker.sessionToken, conversationId: sent.conversationId }),
      "NOT_FOUND",
    );
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: attacker.sessionToken })).toEqual([]);
  });

  test("two tabs: after destroy() in tab A, tab B's re-boot without a fresh proof lands elsewhere", async () => {
    const t = newBackend();
    await createWorkspace(t); // optional mode: the hole was there too
    const jwt = await signUserJwt(TEST_SECRET, { user_id: "victim" }, { expiresIn: 60 });
    const tabA = await bootVisitor(t, "browser-S", "acme", { userJwt: jwt });
    await bootVisitor(t, "browser-S", "acme", { userJwt: jwt }); // tab B
    await t.mutation(api.widgetSessions.logout, { sessionToken: tabA.sessionToken });
    // Tab B's token is revoked; it re-boots keeping its sessionId, its JWT expired meanwhile.
    const tabB = await bootVisitor(t, "browser-S");
    expect(tabB.visitorId).not.toBe(tabA.visitorId);
    // With a valid proof the user gets their own visitor back, as before.
    const proven = await bootVisitor(t, "browser-S", "acme", hashed("victim"));
    expect(proven.visitorId).toBe(tabA.visitorId);
  });
});

describe("rotation does not revoke", () => {
  test("rotating with gracePeriodHours 0 ends sessions proven with the leaked secret; new proofs work", async () => {
    const { t } = await required();
    const forged = await bootVisitor(t, "attacker-browser", "acme", hashed("ceo")); // made with the leaked secret
    const anonymous = await bootVisitor(t, "anonymous-browser");
    const rotated = await rest(t, "POST", "/api/v1/workspace/security/rotate-secret", { gracePeriodHours: 0 }, KEY);
    expect(rotated.status).toBe(200);

    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken: forged.sessionToken }), "UNAUTHENTICATED");
    await expectAppError(t.action(api.widgetSessions.refresh, { sessionToken: forged.sessionToken }), "UNAUTHENTICATED");
    await expectAppError(bootVisitor(t, "attacker-browser", "acme", hashed("ceo")), "IDENTITY_VERIFICATION_FAILED");
    // Anonymous sessions proved nothing and carry on; the real user proves again with the new secret.
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: anonymous.sessionToken })).toEqual([]);
    const newSecret = rotated.json.data.identitySecret as string;
    const real = await bootVisitor(t, "ceo-browser", "acme", hashed("ceo", newSecret));
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: real.sessionToken })).toEqual([]);
  });

  test("with a grace period, sessions proven with the old secret end when it does", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { t } = await required();
    const old = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    const rotated = await rest(t, "POST", "/api/v1/workspace/security/rotate-secret", { gracePeriodHours: 2 }, KEY);
    expect(rotated.json).toMatchObject({ data: { previousSecretExpiresAt: expect.any(Number) } });
    vi.setSystemTime(Date.now() + HOUR);
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: old.sessionToken })).toEqual([]);
    vi.setSystemTime(Date.now() + HOUR + 1);
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken: old.sessionToken }), "UNAUTHENTICATED");
  });

  test("refresh cannot extend a session past its absolute lifetime", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 1 });
    const booted = await bootVisitor(t, "browser-1");
    let token = booted.sessionToken;
    let expiresAt = booted.expiresAt;
    // Refresh whenever allowed, as an attacker holding a stolen token would, for five hours.
    for (let step = 0; step < 30; step++) {
      vi.setSystemTime(Date.now() + 10 * 60_000);
      try {
        ({ sessionToken: token, expiresAt } = await t.action(api.widgetSessions.refresh, { sessionToken: token }));
      } catch {
        break;
      }
    }
    // Absolute lifetime: three token lifetimes after the boot.
    expect(expiresAt).toBeLessThanOrEqual(booted.expiresAt - HOUR + 3 * HOUR);
    vi.setSystemTime(booted.expiresAt - HOUR + 3 * HOUR);
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken: token }), "UNAUTHENTICATED");
    await expectAppError(t.action(api.widgetSessions.refresh, { sessionToken: token }), "UNAUTHENTICATED");
  });
});

describe("claimed versus verified", () => {
  test("the REST view tells a claim from a proof", async () => {
    const t = newBackend();
    const workspaceId = await createWorkspace(t);
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "attacks", key: KEY });
    const claimed = await bootVisitor(t, "attacker", "acme", { userId: "victim" });
    const proven = await bootVisitor(t, "real", "acme", hashed("victim"));
    await t.mutation(api.messages.send, { sessionToken: claimed.sessionToken, body: "hi", clientMessageId: "c1" });
    await t.mutation(api.messages.send, { sessionToken: proven.sessionToken, body: "hi", clientMessageId: "c2" });
    const conversations = (await rest(t, "GET", "/api/v1/conversations", undefined, KEY)).json.data as Array<{
      visitor: { id: string; userId: string; verified: boolean };
    }>;
    const byVisitor = new Map(conversations.map((conversation) => [conversation.visitor.id, conversation.visitor]));
    expect(byVisitor.get(claimed.visitorId)).toMatchObject({ userId: "victim", verified: false });
    expect(byVisitor.get(proven.visitorId)).toMatchObject({ userId: "victim", verified: true });
  });

  test("required mode: an anonymous visitor cannot identify as someone's email or name", async () => {
    const { t } = await required();
    const anonymous = await bootVisitor(t, "anonymous");
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: anonymous.sessionToken, user: { email: "victim@example.com" } }),
      "IDENTITY_VERIFICATION_FAILED",
      "user.email",
    );
    await expectAppError(
      bootVisitor(t, "anonymous-2", "acme", { name: "Victim" }),
      "IDENTITY_VERIFICATION_FAILED",
      "user.name",
    );
  });
});

describe("a JWT with no exp is accepted forever", () => {
  test("a token without exp is refused once older than the workspace's maximum age", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const ancient = await signUserJwt(TEST_SECRET, { user_id: "u1" }, { now: nowSeconds - 2 * 24 * 3600, expiresIn: null });
    await expectAppError(bootVisitor(t, "b1", "acme", { userJwt: ancient }), "IDENTITY_VERIFICATION_FAILED", "user.userJwt");
    const fresh = await signUserJwt(TEST_SECRET, { user_id: "u1" }, { expiresIn: null });
    expect((await bootVisitor(t, "b2", "acme", { userJwt: fresh })).visitorId).toBeTruthy();
  });

  test("the workspace chooses the maximum age; tokens with neither iat nor exp are refused", async () => {
    const t = newBackend();
    const workspaceId = await createWorkspace(t);
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "attacks", key: KEY });
    const patched = await rest(t, "PATCH", "/api/v1/workspace/security", { identityVerification: { jwtMaxAgeSeconds: 600 } }, KEY);
    expect(patched.json.data.identityVerification).toEqual({ mode: "optional", jwtMaxAgeSeconds: 600 });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const halfHourOld = await signUserJwt(TEST_SECRET, { user_id: "u1" }, { now: nowSeconds - 1800, expiresIn: 3600 });
    await expectAppError(bootVisitor(t, "b1", "acme", { userJwt: halfHourOld }), "IDENTITY_VERIFICATION_FAILED", "user.userJwt");
    const { SignJWT } = await import("jose");
    const ageless = await new SignJWT({ user_id: "u1" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expectAppError(bootVisitor(t, "b2", "acme", { userJwt: ageless }), "IDENTITY_VERIFICATION_FAILED", "user.userJwt");
    const bad = await rest(t, "PATCH", "/api/v1/workspace/security", { identityVerification: { jwtMaxAgeSeconds: 5 } }, KEY);
    expect(bad.status).toBe(400);
  });
});
