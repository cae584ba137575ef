import { describe, expect, it, vi } from "vitest";
import { createDelivery, type DeliveryDeps } from "../../../src/runtime/delivery";
import type { Gateway } from "../../../src/runtime/gateway";
import * as outboxDelivery from "../../../src/runtime/outbox-delivery";
import { memoryStore } from "../../../src/runtime/storage";
import { createTimers } from "../../../src/runtime/timers";
import { until } from "../helpers/widget";

const KEY = "opencom:demo:visitor-1:outbox";

/** Delivery on a gateway that records sends; `load` counts how often the outbox's code is fetched. */
function setup(options: { failLoad?: boolean } = {}) {
  const storage = memoryStore();
  const sent: string[] = [];
  const gateway: Gateway = {
    watch: () => () => {},
    mutate: (async (_mutation: unknown, args: { body: string }) => {
      sent.push(args.body);
      return { conversationId: "c1", messageId: `m${sent.length}` };
    }) as unknown as Gateway["mutate"],
  };
  const failed: string[] = [];
  const deps: DeliveryDeps = { storage, gateway, timers: createTimers(), isReady: () => true, onSent: () => {}, onFailed: (message) => failed.push(message) };
  const load = vi.fn(async () => {
    if (options.failLoad) throw new Error("chunk failed to load");
    return outboxDelivery;
  });
  return { delivery: createDelivery(deps, load), storage, sent, failed, load };
}

describe("delivery, loaded on first need", () => {
  it("fetches nothing while nothing is waiting: attach with an empty outbox and pumps load no code", async () => {
    const { delivery, load } = setup();
    delivery.attach(KEY);
    delivery.pump();
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
  });

  it("loads at attach when an earlier page load left messages, and sends them", async () => {
    const { delivery, storage, sent, load } = setup();
    storage.set(KEY, JSON.stringify([{ clientMessageId: "cm-1", conversationKey: "c1", body: "left over", createdAt: 1, status: "queued" }]));
    delivery.attach(KEY);
    await until(() => sent.length === 1);
    expect(sent).toEqual(["left over"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("the panel's outbox loads the code once; a message sent then is delivered and persisted under the attached key until sent", async () => {
    const { delivery, sent, load } = setup();
    delivery.attach(KEY);
    const [outbox, again] = await Promise.all([delivery.loadOutbox(), delivery.loadOutbox()]);
    expect(outbox).toBe(again);
    expect(load).toHaveBeenCalledTimes(1);
    delivery.send("c1", "hello");
    expect(outbox.entries().map((entry) => entry.body)).toEqual(["hello"]);
    await until(() => sent.length === 1);
  });

  it("a logout before the code has loaded removes the stored messages", () => {
    const { delivery, storage } = setup();
    storage.set(KEY, JSON.stringify([]));
    delivery.attach(KEY);
    delivery.discard();
    expect(storage.get(KEY)).toBeNull();
  });

  it("says so when the code cannot load, rather than dropping the message silently", async () => {
    const { delivery, failed } = setup({ failLoad: true });
    delivery.send("c1", "hello");
    await until(() => failed.length === 1);
    expect(failed[0]).toMatch(/could not load/);
  });
});
