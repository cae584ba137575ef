import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppErrorInfo } from "../../../src/runtime/errors";
import { createSession, type SessionDeps } from "../../../src/runtime/session";
import { memoryStore, storageKeys } from "../../../src/runtime/storage";
import { createTimers } from "../../../src/runtime/timers";
import { convexError, flush } from "../helpers/fake-client";

const LIFETIME = 100_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

function setup(overrides: Partial<SessionDeps> = {}) {
  let issued = 0;
  const storage = overrides.storage ?? memoryStore();
  const timers = createTimers();
  const fatal: AppErrorInfo[] = [];
  const callBoot = vi.fn(async (_args: object) => ({
    sessionToken: `wst_boot_${++issued}`,
    expiresAt: Date.now() + LIFETIME,
    visitorId: "visitor-1",
    settings: { name: "Acme" },
  }));
  const callRefresh = vi.fn(async ({ sessionToken }: { sessionToken: string }) => ({
    sessionToken: `${sessionToken}_r`,
    expiresAt: Date.now() + LIFETIME,
  }));
  const session = createSession({
    workspaceId: "demo",
    storage,
    timers,
    callBoot,
    callRefresh,
    bootContext: () => ({ url: "https://shop.example/pricing", origin: "https://shop.example" }),
    onFatal: (error) => fatal.push(error),
    ...overrides,
  });
  return { session, storage, timers, callBoot, callRefresh, fatal };
}

describe("session boot", () => {
  it("boots with a persistent sessionId and the page context", async () => {
    const { session, storage, callBoot } = setup();
    const snapshot = await session.ready();
    expect(snapshot).toMatchObject({ token: "wst_boot_1", visitorId: "visitor-1" });
    expect(snapshot.settings.name).toBe("Acme");
    const sessionId = storage.get(storageKeys.sessionId("demo"));
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(callBoot).toHaveBeenCalledWith({
      workspaceId: "demo",
      sessionId,
      url: "https://shop.example/pricing",
      origin: "https://shop.example",
    });
  });

  it("reuses the stored sessionId on the next page load", async () => {
    const storage = memoryStore();
    storage.set(storageKeys.sessionId("demo"), "existing-session");
    const { session, callBoot } = setup({ storage });
    await session.ready();
    expect(callBoot.mock.calls[0]?.[0]).toMatchObject({ sessionId: "existing-session" });
  });

  it("boots once for concurrent callers", async () => {
    const { session, callBoot } = setup();
    await Promise.all([session.ready(), session.ready(), session.reboot()]);
    expect(callBoot).toHaveBeenCalledTimes(1);
  });

  it("retries transient failures with backoff, and waits out rate limits", async () => {
    const results: Array<() => unknown> = [
      () => {
        throw new Error("Server Error");
      },
      () => {
        throw convexError({ code: "RATE_LIMITED", message: "slow down", retryAfter: 7_000 });
      },
    ];
    const { session, callBoot } = setup();
    const original = callBoot.getMockImplementation()!;
    callBoot.mockImplementation(async (args) => (results.length ? results.shift()!() : original(args)) as never);
    const ready = session.ready();
    await flush();
    expect(callBoot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000); // first backoff step
    expect(callBoot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(callBoot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(ready).resolves.toMatchObject({ token: "wst_boot_1" });
  });

  it("gives up for good on a refused origin and reports it once", async () => {
    const { session, callBoot, fatal } = setup();
    callBoot.mockRejectedValue(convexError({ code: "ORIGIN_NOT_ALLOWED", message: "nope" }));
    await expect(session.ready()).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callBoot).toHaveBeenCalledTimes(1);
    expect(fatal).toEqual([{ code: "ORIGIN_NOT_ALLOWED", message: "nope" }]);
    await expect(session.ready()).rejects.toThrow("nope");
  });
});

describe("session identity", () => {
  it("stays bound to its sessionId when another tab replaces the stored one", async () => {
    const { session, storage, callBoot } = setup();
    await session.ready();
    const first = storage.get(storageKeys.sessionId("demo"));
    storage.set(storageKeys.sessionId("demo"), "other-tabs-new-visitor");
    await session.reboot("wst_boot_1");
    expect(callBoot.mock.calls[1]?.[0]).toMatchObject({ sessionId: first });
  });

  it("stops for good on identity refusals and reports them", async () => {
    for (const code of ["IDENTITY_VERIFICATION_FAILED", "IDENTITY_CHANGED"]) {
      const { session, callBoot, fatal } = setup();
      callBoot.mockRejectedValue(convexError({ code, message: "refused", field: "user.userHash" }));
      await expect(session.ready()).rejects.toThrow();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(callBoot).toHaveBeenCalledTimes(1);
      expect(fatal).toEqual([{ code, message: "refused", field: "user.userHash" }]);
    }
  });

  it("does not publish a re-boot that landed on another visitor; the owner is told instead", async () => {
    const onVisitorChanged = vi.fn();
    const { session, callBoot } = setup({ onVisitorChanged });
    const tokens: string[] = [];
    session.subscribe((snapshot) => tokens.push(snapshot.token));
    await session.ready();
    callBoot.mockResolvedValueOnce({ sessionToken: "wst_other", expiresAt: Date.now() + LIFETIME, visitorId: "visitor-2", settings: { name: "Acme" } });
    await expect(session.reboot("wst_boot_1")).rejects.toThrow("destroyed");
    expect(onVisitorChanged).toHaveBeenCalledTimes(1);
    expect(tokens).toEqual(["wst_boot_1"]);
    expect(session.current()?.visitorId).toBe("visitor-1");
  });
});

describe("session refresh", () => {
  it("refreshes once less than a quarter of the lifetime is left and publishes the new token", async () => {
    const { session, callRefresh } = setup();
    const tokens: string[] = [];
    session.subscribe((snapshot) => tokens.push(snapshot.token));
    await session.ready();
    await vi.advanceTimersByTimeAsync(LIFETIME * 0.8 - 1);
    expect(callRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callRefresh).toHaveBeenCalledWith({ sessionToken: "wst_boot_1" });
    expect(session.current()?.token).toBe("wst_boot_1_r");
    expect(tokens).toEqual(["wst_boot_1", "wst_boot_1_r"]);
  });

  it("boots again with the same sessionId when the refresh is refused", async () => {
    const { session, callBoot, callRefresh, storage } = setup();
    await session.ready();
    callRefresh.mockRejectedValue(convexError({ code: "UNAUTHENTICATED", message: "expired" }));
    await vi.advanceTimersByTimeAsync(LIFETIME * 0.8);
    expect(callBoot).toHaveBeenCalledTimes(2);
    const sessionId = storage.get(storageKeys.sessionId("demo"));
    expect(callBoot.mock.calls[1]?.[0]).toMatchObject({ sessionId });
    expect(session.current()?.token).toBe("wst_boot_2");
  });

  it("does not boot twice for a stale token that was already replaced", async () => {
    const { session, callBoot } = setup();
    await session.ready();
    await session.reboot("wst_boot_1");
    await session.reboot("wst_boot_1");
    expect(callBoot).toHaveBeenCalledTimes(2);
  });

  it("keeps refreshing a short-lived token before it expires (lifetimes of seconds, as in the e2e test)", async () => {
    const callBoot = vi.fn(async () => ({ sessionToken: "wst_short", expiresAt: Date.now() + 5_000, visitorId: "v", settings: {} }));
    const callRefresh = vi.fn(async ({ sessionToken }: { sessionToken: string }) => ({
      sessionToken: `${sessionToken}_r`,
      expiresAt: Date.now() + 5_000,
    }));
    const { session } = setup({ callBoot, callRefresh });
    await session.ready();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(callRefresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(callRefresh).toHaveBeenCalledTimes(2);
    expect(session.current()?.token).toBe("wst_short_r_r");
    expect(callBoot).toHaveBeenCalledTimes(1);
  });

  it("stops refreshing once destroyed", async () => {
    const { session, timers, callRefresh } = setup();
    await session.ready();
    session.destroy();
    timers.clearAll();
    await vi.advanceTimersByTimeAsync(LIFETIME * 2);
    expect(callRefresh).not.toHaveBeenCalled();
  });
});
