import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { sha256Hex } from "../../convex/lib/crypto";
import {
  TEST_ORIGIN,
  bootVisitor,
  createWorkspace,
  expectAppError,
  newBackend,
  sessionRowsOf,
} from "./helpers";

const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

describe("widgetSessions:boot", () => {
  test("returns a wst_ token, its expiry, the visitor and public settings, storing only the token's hash", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const before = Date.now();
    const booted = await bootVisitor(t, "browser-1");

    expect(booted.sessionToken).toMatch(/^wst_[A-Za-z0-9_-]{43}$/);
    expect(booted.expiresAt).toBeGreaterThanOrEqual(before + 24 * HOUR);
    expect(booted.expiresAt).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
    expect(booted.settings).toMatchObject({ workspaceId: "acme", teamName: "Acme", launcherPosition: "right" });
    expect(JSON.stringify(booted)).not.toContain("s3cret-for-tests");
    expect(Object.keys(booted.settings)).not.toContain("identitySecret");

    const [session] = await sessionRowsOf(t, booted.visitorId);
    expect(session?.tokenHash).toBe(await sha256Hex(booted.sessionToken));
    expect(JSON.stringify(session)).not.toContain(booted.sessionToken);
  });

  test("a second boot with the same sessionId resumes the same visitor with a new token", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const first = await bootVisitor(t, "browser-1");
    const second = await bootVisitor(t, "browser-1");
    const other = await bootVisitor(t, "browser-2");
    expect(second.visitorId).toBe(first.visitorId);
    expect(second.sessionToken).not.toBe(first.sessionToken);
    expect(other.visitorId).not.toBe(first.visitorId);
  });

  test("accepts the workspace's document id as well as its public id", async () => {
    const t = newBackend();
    const workspaceDocumentId = await createWorkspace(t);
    const booted = await bootVisitor(t, "browser-1", workspaceDocumentId);
    expect(booted.settings.workspaceId).toBe("acme");
  });

  test("refuses an unknown workspace", async () => {
    const t = newBackend();
    await expectAppError(bootVisitor(t, "browser-1", "nope"), "NOT_FOUND", "workspaceId");
  });

  test("refuses an origin that is not allowed and writes nothing", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const boot = t.action(api.widgetSessions.boot, {
      workspaceId: "acme",
      sessionId: "browser-1",
      origin: "https://evil.example.net",
    });
    await expectAppError(boot, "ORIGIN_NOT_ALLOWED", "origin");
    const visitors = await t.run(async (ctx) => ctx.db.query("visitors").collect());
    expect(visitors).toHaveLength(0);
  });

  test("matches wildcard subdomain patterns but not the bare domain or look-alikes", async () => {
    const t = newBackend();
    await createWorkspace(t, { allowedOrigins: ["https://*.example.com"] });
    const bootFrom = (origin: string) =>
      t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "browser-1", origin });
    await expect(bootFrom("https://app.example.com")).resolves.toHaveProperty("sessionToken");
    await expect(bootFrom("https://a.b.example.com")).resolves.toHaveProperty("sessionToken");
    await expectAppError(bootFrom("https://example.com"), "ORIGIN_NOT_ALLOWED");
    await expectAppError(bootFrom("https://evilexample.com"), "ORIGIN_NOT_ALLOWED");
    await expectAppError(bootFrom("http://app.example.com"), "ORIGIN_NOT_ALLOWED");
  });

  test("boots without an origin (non-browser callers are not origin-checked)", async () => {
    const t = newBackend();
    await createWorkspace(t, { allowedOrigins: [] });
    const booted = await t.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId: "server-side" });
    expect(booted.sessionToken).toMatch(/^wst_/);
  });

  test("records unsigned user fields as identified but unverified, with device and page", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const booted = await t.action(api.widgetSessions.boot, {
      workspaceId: "acme",
      sessionId: "browser-1",
      origin: TEST_ORIGIN,
      user: { userId: "u-42", email: "ada@example.com", name: "Ada" },
      device: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
      referrer: "https://search.example.org/",
      url: "https://shop.example.com/pricing",
    });
    const visitor = await t.run(async (ctx) => ctx.db.get("visitors", booted.visitorId));
    expect(visitor).toMatchObject({
      userId: "u-42",
      email: "ada@example.com",
      name: "Ada",
      identified: true,
      verified: false,
      device: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
      referrer: "https://search.example.org/",
      lastPageUrl: "https://shop.example.com/pricing",
    });
  });

  test("an anonymous boot is neither identified nor verified", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const booted = await bootVisitor(t, "browser-1");
    const visitor = await t.run(async (ctx) => ctx.db.get("visitors", booted.visitorId));
    expect(visitor).toMatchObject({ identified: false, verified: false });
  });

  test("rejects an over-long sessionId", async () => {
    const t = newBackend();
    await createWorkspace(t);
    await expectAppError(bootVisitor(t, "x".repeat(129)), "INVALID_ARGUMENT", "sessionId");
  });

  test("session lifetimes are 1 to 168 hours", async () => {
    const t = newBackend();
    for (const sessionLifetimeHours of [0, 169]) {
      await expectAppError(createWorkspace(t, { sessionLifetimeHours }), "INVALID_ARGUMENT", "sessionLifetimeHours");
    }
    await createWorkspace(t, { sessionLifetimeHours: 168 });
    const booted = await bootVisitor(t, "browser-1");
    expect(booted.expiresAt - Date.now()).toBeGreaterThan(168 * HOUR - 60_000);
    expect(booted.settings.sessionLifetimeHours).toBe(168);
  });

  test("uses the workspace's session lifetime", async () => {
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 2 });
    const booted = await bootVisitor(t, "browser-1");
    expect(booted.expiresAt - Date.now()).toBeLessThanOrEqual(2 * HOUR);
    expect(booted.expiresAt - Date.now()).toBeGreaterThan(2 * HOUR - 60_000);
  });
});

describe("session tokens on widget functions", () => {
  test("a forged token is refused", async () => {
    const t = newBackend();
    await createWorkspace(t);
    await bootVisitor(t, "browser-1");
    const forged = "wst_" + "A".repeat(43);
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken: forged }), "UNAUTHENTICATED");
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken: "garbage" }), "UNAUTHENTICATED");
  });

  test("an expired token is refused", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 1 });
    const { sessionToken } = await bootVisitor(t, "browser-1");
    await expect(t.query(api.conversations.listForVisitor, { sessionToken })).resolves.toEqual([]);
    vi.setSystemTime(Date.now() + HOUR + 1);
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken }), "UNAUTHENTICATED");
    await expectAppError(t.action(api.widgetSessions.refresh, { sessionToken }), "UNAUTHENTICATED");
    // What the widget then does: boot again with its stored sessionId, landing on the same visitor.
    const { visitorId } = await bootVisitor(t, "browser-1");
    const [first] = await t.run(async (ctx) => ctx.db.query("visitors").collect());
    expect(visitorId).toBe(first?._id);
  });

  test("a revoked token is refused", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const { sessionToken, visitorId } = await bootVisitor(t, "browser-1");
    expect(await t.mutation(internal.widgetSessions.revokeForVisitor, { visitorId })).toBe(1);
    await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken }), "UNAUTHENTICATED");
    await expectAppError(t.action(api.widgetSessions.refresh, { sessionToken }), "UNAUTHENTICATED");
  });
});

describe("widgetSessions:refresh", () => {
  test("keeps a token that has most of its lifetime left", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const booted = await bootVisitor(t, "browser-1");
    const refreshed = await t.action(api.widgetSessions.refresh, { sessionToken: booted.sessionToken });
    expect(refreshed).toEqual({ sessionToken: booted.sessionToken, expiresAt: booted.expiresAt });
    expect(await sessionRowsOf(t, booted.visitorId)).toHaveLength(1);
  });

  test("rotates a token with under a quarter of its lifetime left; the old one stops after a grace period", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 4 });
    const booted = await bootVisitor(t, "browser-1");

    vi.setSystemTime(Date.now() + 3 * HOUR + 60_000); // 59 minutes (< 25%) left
    const refreshed = await t.action(api.widgetSessions.refresh, { sessionToken: booted.sessionToken });
    expect(refreshed.sessionToken).not.toBe(booted.sessionToken);
    expect(refreshed.sessionToken).toMatch(/^wst_/);
    expect(refreshed.expiresAt).toBeGreaterThan(booted.expiresAt);

    const listWith = (sessionToken: string) => t.query(api.conversations.listForVisitor, { sessionToken });
    await expect(listWith(booted.sessionToken)).resolves.toEqual([]); // still inside the grace period
    vi.setSystemTime(Date.now() + 61_000);
    await expectAppError(listWith(booted.sessionToken), "UNAUTHENTICATED");
    await expect(listWith(refreshed.sessionToken)).resolves.toEqual([]);

    const sessions = await sessionRowsOf(t, booted.visitorId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]?.revokedAt).toBeDefined();
  });

  test("refuses a forged token", async () => {
    const t = newBackend();
    await expectAppError(t.action(api.widgetSessions.refresh, { sessionToken: "wst_forged" }), "UNAUTHENTICATED");
  });
});

describe("widgetSessions:purgeExpired", () => {
  test("deletes sessions expired for over a day and keeps the rest", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 1 });
    const old = await bootVisitor(t, "browser-old");
    vi.setSystemTime(Date.now() + 26 * HOUR);
    const fresh = await bootVisitor(t, "browser-new");
    expect(await t.mutation(internal.widgetSessions.purgeExpired, {})).toBe(1);
    expect(await sessionRowsOf(t, old.visitorId)).toHaveLength(0);
    expect(await sessionRowsOf(t, fresh.visitorId)).toHaveLength(1);
  });
});
