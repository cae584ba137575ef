import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { sealSecret } from "../../../convex/lib/secretBox";
import { verifyOpencomSignature } from "../../../convex/lib/signatures";
import { SIGNING_SECRET_PURPOSE, secretPartPurpose } from "../../../convex/outgoing/prepare";
import { createWorkspace, type TestBackend } from "../helpers";
import {
  attemptRows,
  backendWithHooks,
  completionHandle,
  completions,
  developmentEnv,
  FAST_POLICY,
  fakeReceiver,
  settled,
} from "./support";

let t: TestBackend;
let workspaceId: Id<"workspaces">;

beforeEach(async () => {
  developmentEnv();
  t = backendWithHooks();
  workspaceId = await createWorkspace(t);
  completions.length = 0;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

type Extra = Partial<Parameters<TestBackend["mutation"]>[1]> & Record<string, unknown>;
async function enqueue(extra: Extra = {}): Promise<Id<"deliveries">> {
  return await t.mutation(internal.outgoing.deliveries.enqueue, {
    workspaceId,
    kind: "webhook",
    url: "http://127.0.0.1:9/hook",
    body: JSON.stringify({ n: extra["n"] ?? 0 }),
    policy: FAST_POLICY,
    ...(Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "n")) as object),
  });
}

describe("retries", () => {
  test("two 500s, then success: three attempts logged, the last one succeeded", async () => {
    const receiver = fakeReceiver((index) => (index < 2 ? { status: 500, body: "down" } : 200));
    const id = await enqueue();
    const [row] = await settled(t, [id]);
    expect(row).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
    expect(row?.lastError).toBeUndefined();
    expect(receiver.calls).toHaveLength(3);
    const log = await attemptRows(t, id);
    expect(log.map((entry) => [entry.attempt, entry.outcome, entry.statusCode])).toEqual([
      [1, "retry", 500],
      [2, "retry", 500],
      [3, "succeeded", 200],
    ]);
    expect(log[0]?.error).toBe("Request failed with status code 500");
    expect(log[0]?.responseSnippet).toBe("down");
    expect(log.every((entry) => entry.latencyMs >= 0)).toBe(true);
  });

  test("a 4xx other than 408/425/429 is not retried: dead at once, with the reason", async () => {
    const receiver = fakeReceiver(() => 404);
    const [row] = await settled(t, [await enqueue()]);
    expect(row).toMatchObject({ status: "dead", attempts: 1, lastStatusCode: 404, lastError: "Request failed with status code 404" });
    expect(receiver.calls).toHaveLength(1);
  });

  test("timeouts and network errors are retried until the attempts are spent, then dead", async () => {
    const receiver = fakeReceiver((index) => (index % 2 === 0 ? "hang" : "network-error"));
    const id = await enqueue();
    const [row] = await settled(t, [id]);
    expect(row).toMatchObject({ status: "dead", attempts: FAST_POLICY.maxAttempts });
    expect(receiver.calls).toHaveLength(FAST_POLICY.maxAttempts);
    const errors = (await attemptRows(t, id)).map((entry) => entry.error);
    expect(errors[0]).toBe(`Timed out after ${FAST_POLICY.timeoutMs} ms`);
    expect(errors[1]).toMatch(/^Network error: ECONNREFUSED/);
  });

  test("waits between attempts grow (backoff) and a 429's Retry-After is honoured", async () => {
    const receiver = fakeReceiver((index) => (index === 0 ? { status: 429, headers: { "Retry-After": "1" } } : 200));
    await settled(t, [await enqueue()]);
    const [first, second] = receiver.calls;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  }, 10_000);

  test("the give-up deadline ends retries early", async () => {
    fakeReceiver(() => 503);
    const id = await enqueue({ policy: { ...FAST_POLICY, maxAttempts: 50, backoffBaseMs: 40, backoffCapMs: 40, giveUpAfterMs: 100 } });
    const [row] = await settled(t, [id]);
    expect(row?.status).toBe("dead");
    expect(row!.attempts).toBeLessThan(6);
  });
});

describe("idempotency and ordering", () => {
  test("the same idempotency key queues once and calls once", async () => {
    const receiver = fakeReceiver(() => 200);
    const first = await enqueue({ idempotencyKey: "message-1" });
    const second = await enqueue({ idempotencyKey: "message-1" });
    expect(second).toBe(first);
    await settled(t, [first]);
    expect(receiver.calls).toHaveLength(1);
  });

  test("one at a time per ordering key, in order, even across retries; other keys do not wait", async () => {
    const bodyN = (call: { body: string }) => (JSON.parse(call.body) as { n: number }).n;
    let firstTries = 0;
    const receiver = fakeReceiver((_, call) => (bodyN(call) === 1 && ++firstTries < 3 ? 500 : 200), {
      delayMs: 10,
      keyOf: (call) => (bodyN(call) === 9 ? "chat-8" : "chat-7"),
    });
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await enqueue({ n, orderingKey: "chat-7" }));
    const other = await enqueue({ n: 9, orderingKey: "chat-8" });
    await settled(t, [...ids, other]);
    const order = receiver.calls.map((call) => (JSON.parse(call.body) as { n: number }).n).filter((n) => n !== 9);
    expect(order).toEqual([1, 1, 1, 2, 3]);
    // The other chat's delivery went while chat-7's first one was still retrying.
    const otherIndex = receiver.calls.findIndex((call) => call.body.includes('"n":9'));
    expect(otherIndex).toBeLessThan(receiver.calls.findIndex((call) => call.body.includes('"n":2')));
    expect(receiver.stats.maxConcurrentPerKey).toBe(1);
  });

  test("a receiver down for a while: retries, then every delivery of the key once and in order", async () => {
    const downUntil = Date.now() + 300;
    const accepted: number[] = [];
    const receiver = fakeReceiver(
      (_, call) => {
        if (Date.now() < downUntil) return 503;
        accepted.push((JSON.parse(call.body) as { n: number }).n);
        return 200;
      },
      { delayMs: 2 },
    );
    const policy = { ...FAST_POLICY, maxAttempts: 100 };
    const ids = [];
    for (let n = 0; n < 10; n++) ids.push(await enqueue({ n, orderingKey: "chat-backlog", policy }));
    const rows = await settled(t, ids, 10_000);
    expect(rows.every((row) => row.status === "succeeded")).toBe(true);
    expect(accepted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // While it was down, only the head of the key was tried.
    expect(receiver.calls.slice(0, receiver.calls.length - 10).every((call) => call.body.includes('"n":0'))).toBe(true);
    expect(receiver.stats.maxConcurrentPerKey).toBe(1);
  });

  test("a dead delivery lets the next of its key go; an operator's retry sends it again", async () => {
    let healthy = false;
    const receiver = fakeReceiver((_, call) => (call.body.includes('"n":1') && !healthy ? 500 : 200));
    const policy = { ...FAST_POLICY, maxAttempts: 2 };
    const first = await enqueue({ n: 1, orderingKey: "chat-1", policy, onComplete: await completionHandle(t) });
    const second = await enqueue({ n: 2, orderingKey: "chat-1", policy });
    const [dead, next] = await settled(t, [first, second]);
    expect(dead).toMatchObject({ status: "dead", attempts: 2 });
    expect(next?.status).toBe("succeeded");
    await vi.waitFor(() => expect(completions).toHaveLength(1));
    expect(completions).toEqual([
      { deliveryId: first, status: "dead", statusCode: 500, error: "Request failed with status code 500", responseBody: "" },
    ]);

    healthy = true;
    const retried = await t.mutation(internal.outgoing.deliveries.retry, { workspaceId, deliveryId: first });
    expect(retried?.status).toBe("queued");
    const [again] = await settled(t, [first]);
    expect(again).toMatchObject({ status: "succeeded", attempts: 3 });
    expect((await attemptRows(t, first)).map((entry) => entry.outcome)).toEqual(["retry", "dead", "succeeded"]);
    expect(receiver.calls.filter((call) => call.body.includes('"n":1'))).toHaveLength(3);
    await vi.waitFor(() => expect(completions).toHaveLength(2));
    expect(completions.at(-1)).toMatchObject({ deliveryId: first, status: "succeeded", statusCode: 200 });
  });

  test("another workspace cannot retry or read the delivery", async () => {
    fakeReceiver(() => 404);
    const id = await enqueue();
    await settled(t, [id]);
    const stranger = await createWorkspace(t, { publicId: "stranger" });
    expect(await t.mutation(internal.outgoing.deliveries.retry, { workspaceId: stranger, deliveryId: id })).toBeNull();
    expect(await t.query(internal.outgoing.deliveries.getDetail, { workspaceId: stranger, deliveryId: id })).toBeNull();
    expect(await t.query(internal.outgoing.deliveries.getDetail, { workspaceId, deliveryId: "nonsense" })).toBeNull();
  });
});

describe("the request on the wire", () => {
  test("signed with every secret, secrets opened only at send time, with a delivery id", async () => {
    const receiver = fakeReceiver(() => 204);
    const sealed = await Promise.all(["whsec_new", "whsec_old"].map((secret) => sealSecret(secret, SIGNING_SECRET_PURPOSE)));
    const token = await sealSecret("bot-token", secretPartPurpose({ in: "query", name: "token" }));
    const auth = await sealSecret("Basic dTpw", secretPartPurpose({ in: "header", name: "Authorization" }));
    const id = await enqueue({
      headers: [{ name: "X-Custom", value: "1" }],
      signing: { scheme: "opencom-signature", sealedSecrets: sealed },
      secretParts: [
        { in: "query", name: "token", sealed: token },
        { in: "header", name: "Authorization", sealed: auth },
      ],
    });
    await settled(t, [id]);
    const [call] = receiver.calls;
    expect(new URL(call!.url).searchParams.get("token")).toBe("bot-token");
    expect(call!.headers.get("authorization")).toBe("Basic dTpw");
    expect(call!.headers.get("x-custom")).toBe("1");
    expect(call!.headers.get("content-type")).toBe("application/json");
    expect(call!.headers.get("opencom-delivery-id")).toBe(id);
    const header = call!.headers.get("opencom-signature") ?? "";
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const secret of ["whsec_new", "whsec_old"]) {
      expect(await verifyOpencomSignature({ header, body: call!.body, secrets: [secret], nowSeconds })).toEqual({ ok: true });
    }
    const stored = JSON.stringify(await t.run(async (ctx) => ctx.db.get("deliveries", id)));
    for (const secret of ["whsec_new", "bot-token", "Basic dTpw"]) expect(stored).not.toContain(secret);
  });

  test("the gateway scheme: X-Opencom-Sign, hex HMAC of the raw body", async () => {
    const receiver = fakeReceiver(() => 200);
    const sealed = await sealSecret("app-secret", SIGNING_SECRET_PURPOSE);
    await settled(t, [await enqueue({ kind: "gateway", signing: { scheme: "x-opencom-sign", sealedSecrets: [sealed] } })]);
    const { createHmac } = await import("node:crypto");
    const [call] = receiver.calls;
    expect(call!.headers.get("x-opencom-sign")).toBe(createHmac("sha256", "app-secret").update(call!.body).digest("hex"));
    expect(call!.headers.get("opencom-signature")).toBeNull();
  });

  test("private and loopback destinations are refused outside development, without a call", async () => {
    developmentEnv(false);
    const receiver = fakeReceiver(() => 200);
    const ids = [await enqueue({ url: "http://127.0.0.1:8080/" }), await enqueue({ url: "http://[::ffff:169.254.169.254]/" }), await enqueue({ url: "http://localhost/" })];
    const rows = await settled(t, ids);
    expect(rows.map((row) => row.status)).toEqual(["dead", "dead", "dead"]);
    expect(rows[0]?.lastError).toBe("Refused: url must not point at a loopback address; only public internet addresses are allowed");
    expect(rows[1]?.lastError).toMatch(/link-local/);
    expect(receiver.calls).toHaveLength(0);
  });
});

describe("upkeep", () => {
  test("an attempt lost in flight (its action died) is counted as failed and retried", async () => {
    const receiver = fakeReceiver(() => 200);
    const longAgo = Date.now() - 10 * 60_000;
    const id = await t.run(async (ctx) =>
      ctx.db.insert("deliveries", {
        workspaceId,
        kind: "webhook",
        method: "POST",
        url: "http://127.0.0.1:9/hook",
        headers: [],
        body: "{}",
        policy: FAST_POLICY,
        status: "in_flight",
        attempts: 1,
        queuedAt: longAgo,
        updatedAt: longAgo,
      }),
    );
    const recent = await enqueue();
    await settled(t, [recent]);
    expect(await t.mutation(internal.outgoing.maintenance.sweepLost, {})).toBe(1);
    const [row] = await settled(t, [id]);
    expect(row).toMatchObject({ status: "succeeded", attempts: 2 });
    expect((await attemptRows(t, id)).map((entry) => [entry.outcome, entry.error])).toEqual([
      ["retry", "The attempt was lost before it reported (the sender stopped)."],
      ["succeeded", undefined],
    ]);
    expect(receiver.calls).toHaveLength(2);
  });
});

describe("a call now (outside the queue)", () => {
  test("answers with the status and body, with the same destination check and time limit", async () => {
    const receiver = fakeReceiver((index, call) =>
      index === 0 ? { status: 200, body: new URL(call.url).searchParams.get("challenge") ?? "" } : "hang",
    );
    const echoed = await t.action(internal.outgoing.send.callNow, {
      method: "GET",
      url: "http://127.0.0.1:9/bot?challenge=abc123&token=t0k",
      timeoutMs: 100,
    });
    expect(echoed).toEqual({ ok: true, statusCode: 200, error: null, responseBody: "abc123" });
    expect(receiver.calls[0]?.method).toBe("GET");
    const slow = await t.action(internal.outgoing.send.callNow, { method: "POST", url: "http://127.0.0.1:9/bot", body: "{}", timeoutMs: 50 });
    expect(slow).toEqual({ ok: false, statusCode: null, error: "Timed out after 50 ms", responseBody: null });

    developmentEnv(false);
    const refused = await t.action(internal.outgoing.send.callNow, { method: "GET", url: "http://[::1]:9/", timeoutMs: 50 });
    expect(refused.error).toMatch(/^Refused: url must not point at a loopback address/);
    expect(receiver.calls).toHaveLength(2);
  });
});
