import { describe, expect, it, vi } from "vitest";
import { createOutbox, newLocalKey } from "../../../src/runtime/outbox";
import { createOutboxSender } from "../../../src/runtime/outbox-sender";
import { memoryStore } from "../../../src/runtime/storage";
import { convexError, flush } from "../helpers/fake-client";

type SendArgs = { conversationId?: string; body: string; clientMessageId: string };

function setup(send: (args: SendArgs) => Promise<{ conversationId: string }>, sleep?: (ms: number) => Promise<void>) {
  const outbox = createOutbox(memoryStore());
  const sleeps: number[] = [];
  const sender = createOutboxSender({
    outbox,
    send: vi.fn(send),
    sleep: async (ms) => {
      sleeps.push(ms);
      await sleep?.(ms);
    },
    now: () => 1_000_000,
    random: () => 0.5,
  });
  return { outbox, sender, sleeps };
}

describe("outbox sender", () => {
  it("delivers in order, one at a time, each exactly once", async () => {
    const delivered: string[] = [];
    let inFlight = 0;
    const { outbox, sender } = setup(async (args) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await flush();
      delivered.push(args.body);
      inFlight--;
      return { conversationId: "c1" };
    });
    outbox.add("c1", "one");
    outbox.add("c1", "two");
    sender.pump();
    sender.pump(); // a second pump while running must not start a second loop
    outbox.add("c1", "three");
    await flush(40);
    expect(delivered).toEqual(["one", "two", "three"]);
    expect(outbox.entries().every((e) => e.status === "sent")).toBe(true);
  });

  it("starts a new conversation once and sends the rest into it", async () => {
    const calls: SendArgs[] = [];
    const { outbox, sender } = setup(async (args) => {
      calls.push(args);
      return { conversationId: "conv-new" };
    });
    const local = newLocalKey();
    outbox.add(local, "first");
    outbox.add(local, "second");
    sender.pump();
    await flush(20);
    expect(calls.map((c) => c.conversationId)).toEqual([undefined, "conv-new"]);
  });

  it("marks a refused message failed and goes on with the next", async () => {
    const { outbox, sender } = setup(async (args) => {
      if (args.body === "bad") throw convexError({ code: "INVALID_ARGUMENT", message: "Message too long", field: "body" });
      return { conversationId: "c1" };
    });
    outbox.add("c1", "bad");
    outbox.add("c1", "good");
    sender.pump();
    await flush(20);
    expect(outbox.entries().map((e) => [e.body, e.status, e.error])).toEqual([
      ["bad", "failed", "Message too long"],
      ["good", "sent", undefined],
    ]);
  });

  it("waits out rate limits (plus a little jitter) and retries with the same clientMessageId", async () => {
    const ids: string[] = [];
    let wake = () => {};
    const { outbox, sender, sleeps } = setup(
      async (args) => {
        ids.push(args.clientMessageId);
        if (ids.length === 1) throw convexError({ code: "RATE_LIMITED", message: "slow", retryAfter: 2_500 });
        return { conversationId: "c1" };
      },
      () => new Promise<void>((resolve) => (wake = resolve)),
    );
    outbox.add("c1", "hello");
    sender.pump();
    await flush(20);
    expect(sleeps).toEqual([2_625]);
    // While waiting, the entry says when it goes again (the composer counts down to it).
    expect(outbox.entries()[0]).toMatchObject({ status: "queued", retryAt: 1_002_625 });
    wake();
    await flush(20);
    expect(new Set(ids).size).toBe(1);
    expect(ids).toHaveLength(2);
    expect(outbox.entries()[0]?.status).toBe("sent");
    expect(outbox.entries()[0]?.retryAt).toBeUndefined();
  });

  it("gives unexplained server errors a few tries before showing Retry", async () => {
    const { outbox, sender, sleeps } = setup(async () => {
      throw new Error("Server Error");
    });
    outbox.add("c1", "hello");
    sender.pump();
    await flush(40);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(outbox.entries()[0]?.status).toBe("failed");
  });

  it("stops when told to", async () => {
    const { outbox, sender } = setup(async () => ({ conversationId: "c1" }));
    sender.stop();
    outbox.add("c1", "never");
    sender.pump();
    await flush(10);
    expect(outbox.entries()[0]?.status).toBe("queued");
  });
});
