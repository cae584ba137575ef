import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { TEST_ORIGIN, TEST_SECRET, bootVisitor, expectAppError, visitorRow, type TestBackend } from "../helpers";
import { signUserJwt, userHashFor } from "../signing";
import { KEY, call, errorOf, restBackend } from "./support";

const HOUR = 3_600_000;
const SECURITY = "/api/v1/workspace/security";
const ROTATE = "/api/v1/workspace/security/rotate-secret";

afterEach(() => {
  vi.useRealTimers();
});

async function dataOf<T>(response: Response): Promise<T> {
  return ((await response.json()) as { data: T }).data;
}

async function settings(t: TestBackend) {
  return await dataOf<Record<string, unknown>>(await call(t, "GET", SECURITY));
}

describe("GET /api/v1/workspace/security", () => {
  test("shows mode, origins, lifetime and rotation state, never the secret", async () => {
    const { t } = await restBackend();
    const response = await call(t, "GET", SECURITY);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      data: {
        identityVerification: { mode: "optional", jwtMaxAgeSeconds: 86_400 },
        allowedOrigins: [TEST_ORIGIN],
        sessionLifetimeHours: 24,
        secretRotation: { previousSecretExpiresAt: null },
      },
    });
    expect(text).not.toContain(TEST_SECRET);
  });

  test("needs an API key; other methods are 405", async () => {
    const { t } = await restBackend();
    expect((await call(t, "GET", SECURITY, { key: null })).status).toBe(401);
    const deleted = await call(t, "DELETE", SECURITY);
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("Allow")).toBe("GET, PATCH");
  });
});

describe("PATCH /api/v1/workspace/security", () => {
  test("applies a partial update that boot then enforces", async () => {
    const { t } = await restBackend();
    const response = await call(t, "PATCH", SECURITY, {
      body: { identityVerification: { mode: "required" }, allowedOrigins: ["https://*.acme.test", " http://localhost:* "] },
    });
    expect(response.status).toBe(200);
    expect(await dataOf(response)).toEqual({
      identityVerification: { mode: "required", jwtMaxAgeSeconds: 86_400 },
      allowedOrigins: ["https://*.acme.test", "http://localhost:*"],
      sessionLifetimeHours: 24,
      secretRotation: { previousSecretExpiresAt: null },
    });
    const bootFrom = (origin: string, user?: { userId: string }) =>
      t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "b1", origin, ...(user ? { user } : {}) });
    await expectAppError(bootFrom(TEST_ORIGIN), "ORIGIN_NOT_ALLOWED");
    await expect(bootFrom("https://app.acme.test")).resolves.toHaveProperty("sessionToken");
    await expectAppError(bootFrom("https://app.acme.test", { userId: "u1" }), "IDENTITY_VERIFICATION_FAILED");

    await call(t, "PATCH", SECURITY, { body: { sessionLifetimeHours: 2 } });
    const booted = await bootFrom("http://localhost:5173");
    expect(booted.expiresAt - Date.now()).toBeLessThanOrEqual(2 * HOUR);
    expect(booted.expiresAt - Date.now()).toBeGreaterThan(2 * HOUR - 60_000);
    expect(await settings(t)).toMatchObject({ identityVerification: { mode: "required" }, sessionLifetimeHours: 2 });
  });

  test("400 naming each offending field, and nothing changes", async () => {
    const { t } = await restBackend();
    const cases: Array<[unknown, string]> = [
      [{ allowedOrigins: ["https://ok.example.com", "not an origin"] }, "allowedOrigins.1"],
      [{ allowedOrigins: ["https://example.com/path"] }, "allowedOrigins.0"],
      [{ allowedOrigins: ["https://*example.com"] }, "allowedOrigins.0"],
      [{ allowedOrigins: "https://example.com" }, "allowedOrigins"],
      [{ sessionLifetimeHours: 0 }, "sessionLifetimeHours"],
      [{ sessionLifetimeHours: 169 }, "sessionLifetimeHours"],
      [{ sessionLifetimeHours: 1.5 }, "sessionLifetimeHours"],
      [{ sessionLifetimeHours: "24" }, "sessionLifetimeHours"],
      [{ identityVerification: { mode: "strict" } }, "identityVerification.mode"],
      [{ identityVerification: "off" }, "identityVerification"],
      [{ identitySecret: "let-me-choose" }, "identitySecret"],
      [{ identityVerification: { mode: "off", secret: "x" } }, "identityVerification.secret"],
      [[1, 2], "(body)"],
    ];
    for (const [body, field] of cases) {
      const response = await call(t, "PATCH", SECURITY, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    const notJson = await call(t, "PATCH", SECURITY, { body: "{mode:" });
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toMatchObject({ code: "INVALID_JSON" });
    expect(await settings(t)).toMatchObject({
      identityVerification: { mode: "optional", jwtMaxAgeSeconds: 86_400 },
      allowedOrigins: [TEST_ORIGIN],
      sessionLifetimeHours: 24,
    });
  });
});

describe("POST /api/v1/workspace/security/rotate-secret", () => {
  test("returns a fresh secret once; the old one works through the grace period, then stops", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { t } = await restBackend();
    const rotatedAt = Date.now();
    const response = await call(t, "POST", ROTATE, { body: { gracePeriodHours: 2 } });
    expect(response.status).toBe(200);
    const { identitySecret, previousSecretExpiresAt } = await dataOf<{
      identitySecret: string;
      previousSecretExpiresAt: number;
    }>(response);
    expect(identitySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(identitySecret).not.toBe(TEST_SECRET);
    expect(previousSecretExpiresAt).toBe(rotatedAt + 2 * HOUR);
    const shown = await call(t, "GET", SECURITY);
    const shownText = await shown.text();
    expect(JSON.parse(shownText)).toMatchObject({ data: { secretRotation: { previousSecretExpiresAt } } });
    expect(shownText).not.toContain(identitySecret);

    const withHash = (secret: string, browser: string) =>
      bootVisitor(t, browser, "acme", { userId: "u1", userHash: userHashFor(secret, "u1") });
    const oldJwt = await signUserJwt(TEST_SECRET, { user_id: "u2" }, { expiresIn: 3 * 3600 });

    vi.setSystemTime(rotatedAt + 2 * HOUR - 1_000); // still within the grace period
    await expect(withHash(TEST_SECRET, "old-1")).resolves.toHaveProperty("sessionToken");
    await expect(bootVisitor(t, "old-jwt", "acme", { userJwt: oldJwt })).resolves.toHaveProperty("sessionToken");
    await expect(withHash(identitySecret, "new-1")).resolves.toHaveProperty("sessionToken");

    vi.setSystemTime(rotatedAt + 2 * HOUR + 1); // grace over
    await expectAppError(withHash(TEST_SECRET, "old-2"), "IDENTITY_VERIFICATION_FAILED");
    await expectAppError(bootVisitor(t, "old-jwt-2", "acme", { userJwt: oldJwt }), "IDENTITY_VERIFICATION_FAILED");
    const fresh = await withHash(identitySecret, "new-2");
    expect(await visitorRow(t, fresh.visitorId)).toMatchObject({ verified: true });
    expect(await settings(t)).toMatchObject({ secretRotation: { previousSecretExpiresAt: null } });
  });

  test("defaults to a 24-hour grace period and accepts an empty body", async () => {
    const { t } = await restBackend();
    const before = Date.now();
    const response = await t.fetch(ROTATE, { method: "POST", headers: { Authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(200);
    const { previousSecretExpiresAt } = await dataOf<{ previousSecretExpiresAt: number }>(response);
    expect(previousSecretExpiresAt).toBeGreaterThanOrEqual(before + 24 * HOUR);
    expect(previousSecretExpiresAt).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
  });

  test("gracePeriodHours 0 revokes the old secret at once; two rotations give two different secrets", async () => {
    const { t } = await restBackend();
    const first = await dataOf<{ identitySecret: string; previousSecretExpiresAt: number | null }>(
      await call(t, "POST", ROTATE, { body: { gracePeriodHours: 0 } }),
    );
    expect(first.previousSecretExpiresAt).toBeNull();
    await expectAppError(
      bootVisitor(t, "b1", "acme", { userId: "u1", userHash: userHashFor(TEST_SECRET, "u1") }),
      "IDENTITY_VERIFICATION_FAILED",
    );
    const second = await dataOf<{ identitySecret: string }>(await call(t, "POST", ROTATE, { body: {} }));
    expect(second.identitySecret).not.toBe(first.identitySecret);
  });

  test("validates gracePeriodHours", async () => {
    const { t } = await restBackend();
    for (const body of [{ gracePeriodHours: 169 }, { gracePeriodHours: -1 }, { gracePeriodHours: "24" }]) {
      const response = await call(t, "POST", ROTATE, { body });
      expect(response.status).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual(["gracePeriodHours"]);
    }
    expect((await call(t, "GET", ROTATE)).status).toBe(405);
  });
});
