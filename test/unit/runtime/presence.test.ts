import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PRESENCE_INTERVAL_MS, startPresence } from "../../../src/runtime/presence";
import { createTimers } from "../../../src/runtime/timers";

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
});
afterEach(() => {
  vi.useRealTimers();
  delete (document as { hidden?: boolean }).hidden;
});

describe("startPresence", () => {
  it("beats once a minute while visible, not at start (boot marks the visit)", () => {
    const send = vi.fn();
    const stop = startPresence(document, createTimers(), send, () => Date.now());
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS * 2);
    expect(send).toHaveBeenCalledTimes(3);
    stop();
  });

  it("never beats from a hidden tab and catches up when it becomes visible", () => {
    const send = vi.fn();
    const stop = startPresence(document, createTimers(), send, () => Date.now());
    hidden = true;
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS * 3);
    expect(send).not.toHaveBeenCalled();
    hidden = false;
    document.dispatchEvent(new Event("visibilitychange"));
    expect(send).toHaveBeenCalledTimes(1);
    // …and not again within the same minute.
    hidden = true;
    document.dispatchEvent(new Event("visibilitychange"));
    hidden = false;
    document.dispatchEvent(new Event("visibilitychange"));
    expect(send).toHaveBeenCalledTimes(1);
    stop();
  });

  it("stops completely on cleanup", () => {
    const send = vi.fn();
    const stop = startPresence(document, createTimers(), send, () => Date.now());
    stop();
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS * 5);
    document.dispatchEvent(new Event("visibilitychange"));
    expect(send).not.toHaveBeenCalled();
  });
});
