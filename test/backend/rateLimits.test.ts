import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { bootVisitor, createWorkspace, expectAppError, newBackend, twoVisitors, type TestBackend } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
});

type LimitedData = { code: string; retryAfter: number };

async function limitedData(promise: Promise<unknown>): Promise<LimitedData> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { data: LimitedData },
  );
  expect(error?.data).toMatchObject({ code: "RATE_LIMITED" });
  return (error as { data: LimitedData }).data;
}

function send(t: TestBackend, sessionToken: string, n: number) {
  return t.mutation(api.messages.send, { sessionToken, body: `message ${n}`, clientMessageId: `m-${n}` });
}

describe("boot rate limit (per sessionId)", () => {
  test("10 boots a minute for one sessionId; other sessionIds are unaffected; it refills", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t);
    for (let i = 0; i < 10; i++) await bootVisitor(t, "looping-browser");
    const limited = await limitedData(bootVisitor(t, "looping-browser"));
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(6_000);
    await expect(bootVisitor(t, "another-browser")).resolves.toHaveProperty("sessionToken");
    vi.setSystemTime(Date.now() + limited.retryAfter);
    await expect(bootVisitor(t, "looping-browser")).resolves.toHaveProperty("sessionToken");
  });

  test("refused boots count too (the limit is taken before verification)", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "required" });
    for (let i = 0; i < 10; i++) {
      await expectAppError(bootVisitor(t, "guesser", "acme", { userId: "admin" }), "IDENTITY_VERIFICATION_FAILED");
    }
    await expectAppError(bootVisitor(t, "guesser", "acme", { userId: "admin" }), "RATE_LIMITED");
  });
});

describe("message rate limits (per visitor)", () => {
  test("a burst of 5, then RATE_LIMITED with retryAfter; retries of sent messages are free", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    for (let n = 1; n <= 5; n++) await send(t, alice.sessionToken, n);
    const limited = await limitedData(send(t, alice.sessionToken, 6));
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(1_000);
    await expect(send(t, alice.sessionToken, 3)).resolves.toHaveProperty("messageId"); // idempotent retry
    await expect(send(t, bob.sessionToken, 1)).resolves.toHaveProperty("messageId");
    vi.setSystemTime(Date.now() + limited.retryAfter);
    await expect(send(t, alice.sessionToken, 6)).resolves.toHaveProperty("messageId");
  });

  test("sustained: at one message a second, the 20-a-minute limit stops the visitor within the minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    let sent = 0;
    let refusal: LimitedData | null = null;
    while (refusal === null && sent < 60) {
      try {
        await send(t, alice.sessionToken, sent + 1);
        sent++;
      } catch (error) {
        refusal = (error as { data: LimitedData }).data;
      }
      vi.setSystemTime(Date.now() + 1_000);
    }
    expect(refusal?.code).toBe("RATE_LIMITED");
    expect(sent).toBeGreaterThan(20);
    expect(sent).toBeLessThan(32);
    // One a second never empties the burst bucket (it refills one a second): the
    // sustained limit (one per 3 s) refused, and asks for up to 3 s.
    expect(refusal?.retryAfter).toBeGreaterThan(0);
    expect(refusal?.retryAfter).toBeLessThanOrEqual(3_000);
    const messages = await t.run(async (ctx) => ctx.db.query("messages").collect());
    expect(messages).toHaveLength(sent);
  });
});

describe("identify rate limit (per visitor)", () => {
  test("10 identify calls a minute", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    for (let i = 0; i < 10; i++) {
      await t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { name: `Alice ${i}` } });
    }
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { name: "Alice 11" } }),
      "RATE_LIMITED",
    );
  });
});

describe("REST rate limit (per API key)", () => {
  test("429 with Retry-After in seconds and the REST error shape, per key", async () => {
    // The clock stands still, so a slow machine does not refill the bucket mid-test.
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    const workspaceId = await createWorkspace(t);
    const busyKey = "oc_live_busy-key-0000000000000000000000000";
    const quietKey = "oc_live_quiet-key-000000000000000000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "busy", key: busyKey });
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "quiet", key: quietKey });
    const get = (key: string) => t.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer ${key}` } });
    for (let i = 0; i < 120; i++) expect((await get(busyKey)).status).toBe(200);
    const limited = await get(busyKey);
    expect(limited.status).toBe(429);
    const retryAfter = limited.headers.get("Retry-After");
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(Number(retryAfter)).toBeLessThanOrEqual(1);
    expect(await limited.json()).toEqual({
      error: { code: "RATE_LIMITED", message: expect.stringContaining("Too many requests") },
    });
    expect((await get(quietKey)).status).toBe(200);
  });
});
