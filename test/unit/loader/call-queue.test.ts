import { describe, expect, it, vi } from "vitest";
import { createCallQueue } from "../../../src/loader/call-queue";
import { API_METHODS } from "../../../src/sdk/methods";

function fakeApi(log: string[]) {
  const api = {} as Record<(typeof API_METHODS)[number], (...args: unknown[]) => unknown>;
  for (const method of API_METHODS) api[method] = (...args) => void log.push(`${method}(${JSON.stringify(args)})`);
  api.getAvailableTours = () => [{ id: "t1", name: "Tour" }];
  api.getVisitorId = () => "visitor-1";
  return api;
}

describe("createCallQueue", () => {
  it("has every public method", () => {
    const { stub } = createCallQueue();
    for (const method of API_METHODS) expect(typeof stub[method]).toBe("function");
  });

  it("replays queued calls in the order they were made", () => {
    const queue = createCallQueue();
    queue.stub.init({ workspaceId: "demo" });
    queue.stub.identify({ userId: "u1" });
    queue.stub.trackEvent("signed_up", { plan: "pro" });
    queue.stub.open();
    const log: string[] = [];
    queue.attach(fakeApi(log));
    expect(log).toEqual([
      'init([{"workspaceId":"demo"}])',
      'identify([{"userId":"u1"}])',
      'trackEvent(["signed_up",{"plan":"pro"}])',
      "open([])",
    ]);
  });

  it("returns a promise for getVisitorId and settles it after replay", async () => {
    const queue = createCallQueue();
    const visitor = queue.stub.getVisitorId();
    expect(visitor).toBeInstanceOf(Promise);
    queue.attach(fakeApi([]));
    await expect(visitor).resolves.toBe("visitor-1");
  });

  it("answers getAvailableTours at once: [] before the runtime, the runtime's array after", () => {
    const queue = createCallQueue();
    const log: string[] = [];
    const before = queue.stub.getAvailableTours();
    expect(before).toEqual([]);
    expect(queue.stub.getAvailableTours()).not.toBe(before); // a fresh array each time
    queue.attach(fakeApi(log));
    expect(log).toEqual([]); // nothing was queued
    expect(queue.stub.getAvailableTours()).toEqual([{ id: "t1", name: "Tour" }]);
  });

  it("forwards straight to the runtime once attached", () => {
    const queue = createCallQueue();
    const log: string[] = [];
    queue.attach(fakeApi(log));
    queue.stub.close();
    expect(log).toEqual(["close([])"]);
    expect(queue.stub.getVisitorId()).toBe("visitor-1");
  });

  it("settles pending promises with harmless values when the runtime cannot load", async () => {
    const queue = createCallQueue();
    const visitor = queue.stub.getVisitorId();
    queue.fail();
    await expect(visitor).resolves.toBeNull();
  });

  it("keeps replaying after a call that throws", () => {
    const queue = createCallQueue();
    queue.stub.open();
    queue.stub.close();
    const api = fakeApi([]);
    api.open = () => {
      throw new Error("bad");
    };
    api.close = vi.fn();
    queue.attach(api);
    expect(api.close).toHaveBeenCalledTimes(1);
  });
});
