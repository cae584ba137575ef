import { describe, expect, test } from "vitest";
import {
  DEFAULT_POLICIES,
  nextStep,
  outcomeOfStatus,
  parseRetryAfter,
  policyFor,
  retryDelayMs,
  type DeliveryPolicy,
} from "../../../convex/lib/outgoingPolicy";

const policy: DeliveryPolicy = { timeoutMs: 100, maxAttempts: 5, backoffBaseMs: 100, backoffCapMs: 1000, giveUpAfterMs: null, retryAfterCapMs: 5000 };

describe("backoff", () => {
  test("doubles from the base up to the cap, with half of each wait jittered", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(policy, n, 1, null))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n, 0, null))).toEqual([50, 100, 200, 400, 500]);
    expect(retryDelayMs(policy, 3, 0.5, null)).toBe(300);
  });

  test("Retry-After wins when longer, up to its cap", () => {
    expect(retryDelayMs(policy, 1, 0, 2000)).toBe(2000);
    expect(retryDelayMs(policy, 1, 0, 60_000)).toBe(5000);
    expect(retryDelayMs(policy, 4, 1, 10)).toBe(800);
  });

  test("Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("outcomes", () => {
  test("2xx succeeds; 408, 425, 429, 5xx retry; 3xx and other 4xx do not", () => {
    expect(outcomeOfStatus(204, null).kind).toBe("success");
    for (const status of [408, 425, 429, 500, 502, 503]) expect(outcomeOfStatus(status, null).kind, String(status)).toBe("retryable");
    for (const status of [301, 400, 401, 404, 410, 422]) expect(outcomeOfStatus(status, null).kind, String(status)).toBe("permanent");
    expect(outcomeOfStatus(404, null)).toMatchObject({ error: "Request failed with status code 404" });
  });

  test("retries until attempts are spent or the deadline passes", () => {
    const failure = { kind: "retryable", error: "boom", retryAfterMs: null } as const;
    const state = { attemptsMade: 1, queuedAt: 0, now: 10, jitter: 0 };
    expect(nextStep(policy, failure, state)).toEqual({ kind: "retry", at: 60 });
    expect(nextStep(policy, failure, { ...state, attemptsMade: 5 })).toEqual({ kind: "dead" });
    expect(nextStep({ ...policy, giveUpAfterMs: 50 }, failure, state)).toEqual({ kind: "dead" });
    expect(nextStep(policy, { kind: "permanent", error: "404" }, state)).toEqual({ kind: "dead" });
    expect(nextStep(policy, { kind: "success", statusCode: 200 }, state)).toEqual({ kind: "succeeded" });
  });
});

describe("settings", () => {
  test("defaults: bots give up within about 30 s, the gateway within about an hour", () => {
    expect(DEFAULT_POLICIES.bot).toMatchObject({ timeoutMs: 10_000, giveUpAfterMs: 30_000 });
    expect(DEFAULT_POLICIES.gateway.giveUpAfterMs).toBe(3_600_000);
    expect(policyFor("webhook", undefined)).toEqual(DEFAULT_POLICIES.webhook);
  });

  test("the deployment variable overrides per kind and for all", () => {
    const json = JSON.stringify({ "*": { backoffBaseMs: 5, timeoutMs: 50 }, bot: { maxAttempts: 2 } });
    expect(policyFor("bot", json)).toMatchObject({ backoffBaseMs: 5, timeoutMs: 50, maxAttempts: 2, giveUpAfterMs: 30_000 });
    expect(policyFor("webhook", json)).toMatchObject({ backoffBaseMs: 5, maxAttempts: 10 });
  });

  test("a malformed override is named", () => {
    expect(() => policyFor("bot", "{")).toThrow(/OPENCOM_OUTGOING_POLICY must be JSON/);
    expect(() => policyFor("bot", '{"bot":{"timeoutMs":-1}}')).toThrow(/OPENCOM_OUTGOING_POLICY: bot.timeoutMs/);
    expect(() => policyFor("bot", '{"carrier":{}}')).toThrow(/OPENCOM_OUTGOING_POLICY/);
  });
});
