import { randomBytes } from "node:crypto";
import { convexTest } from "convex-test";
import { createFunctionHandle, makeFunctionReference } from "convex/server";
import { vi } from "vitest";
import type { Id } from "../../../convex/_generated/dataModel";
import schema from "../../../convex/schema";
import type { DeliveryPolicy } from "../../../convex/lib/outgoingPolicy";
import { modules, type TestBackend } from "../helpers";

/** Milliseconds instead of minutes: every test here runs an hour of backoff in well under a second. */
export const FAST_POLICY: DeliveryPolicy = {
  timeoutMs: 100,
  maxAttempts: 4,
  backoffBaseMs: 5,
  backoffCapMs: 20,
  giveUpAfterMs: null,
  retryAfterCapMs: 2000,
};

export const SECRETS_KEY = randomBytes(32).toString("base64");

/** The deployment's variables as the local backend sets them for development. */
export function developmentEnv(allowPrivate = true): void {
  vi.stubEnv("OPENCOM_SECRETS_KEY", SECRETS_KEY);
  vi.stubEnv("OPENCOM_ALLOW_PRIVATE_OUTGOING", allowPrivate ? "1" : "");
}

export type ReceivedCall = { url: string; method: string; headers: Headers; body: string; at: number };
export type Reply = number | { status: number; headers?: Record<string, string>; body?: string } | "hang" | "network-error";

/**
 * A fake receiver behind the global fetch: `script` answers each call (its
 * 0-based index and the call itself), after `delayMs`. Records every call, and
 * the most calls of one key (`keyOf`) that were ever open at once.
 */
export function fakeReceiver(
  script: (index: number, call: ReceivedCall) => Reply,
  options: { delayMs?: number; keyOf?: (call: ReceivedCall) => string } = {},
) {
  const calls: ReceivedCall[] = [];
  const openByKey = new Map<string, number>();
  const stats = { maxConcurrentPerKey: 0 };
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const call: ReceivedCall = {
      url: String(input),
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : "",
      at: Date.now(),
    };
    const index = calls.push(call) - 1;
    const key = options.keyOf?.(call) ?? "";
    openByKey.set(key, (openByKey.get(key) ?? 0) + 1);
    stats.maxConcurrentPerKey = Math.max(stats.maxConcurrentPerKey, openByKey.get(key) ?? 0);
    try {
      if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const reply = script(index, call);
      if (reply === "network-error") throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
      if (reply === "hang") {
        return await new Promise<Response>((_, reject) => {
          init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        });
      }
      const { status, headers, body } = typeof reply === "number" ? { status: reply, headers: {}, body: "" } : reply;
      return new Response(status === 204 ? null : (body ?? ""), { status, headers: headers ?? {} });
    } finally {
      openByKey.set(key, (openByKey.get(key) ?? 1) - 1);
    }
  };
  vi.stubGlobal("fetch", fetchImpl);
  return { calls, stats };
}

/** Completions told to the test hook below, in order. */
export const completions: Array<Record<string, unknown>> = [];

/** The backend plus a test-only module (`outgoingTestHooks:completed`) that records onComplete calls. */
export function backendWithHooks(): TestBackend {
  const withHook = { ...modules, "../../convex/outgoingTestHooks.ts": async () => await import("./completionHook") };
  return convexTest(schema, withHook) as unknown as TestBackend;
}

export async function completionHandle(t: TestBackend): Promise<string> {
  return await t.run(async () => await createFunctionHandle(makeFunctionReference<"mutation">("outgoingTestHooks:completed")));
}

export async function deliveryRow(t: TestBackend, id: Id<"deliveries">) {
  return await t.run(async (ctx) => ctx.db.get("deliveries", id));
}

export async function attemptRows(t: TestBackend, id: Id<"deliveries">) {
  return await t.run(async (ctx) =>
    ctx.db
      .query("deliveryAttempts")
      .withIndex("by_delivery", (q) => q.eq("deliveryId", id))
      .collect(),
  );
}

/** Polls until every delivery given has settled (succeeded or dead). */
export async function settled(t: TestBackend, ids: Array<Id<"deliveries">>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await Promise.all(ids.map((id) => deliveryRow(t, id)));
    if (rows.every((row) => row?.status === "succeeded" || row?.status === "dead")) {
      // Let the settling mutation's follow-ups (next in order, completion hook) be scheduled and run.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return rows.map((row) => row!);
    }
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(rows.map((row) => [row?.status, row?.attempts, row?.lastError]))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
