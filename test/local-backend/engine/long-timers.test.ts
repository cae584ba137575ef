import { afterEach, describe, expect, it, vi } from "vitest";
import { LongTimeout, MAX_TIMER_DELAY } from "../../../local-backend/engine/long-timers";

describe("LongTimeout", () => {
  afterEach(() => vi.useRealTimers());

  it("waits in chunks for delays beyond what Node's timers hold", () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    new LongTimeout(setTimeout, clearTimeout, fired, MAX_TIMER_DELAY * 2 + 10);
    vi.advanceTimersByTime(MAX_TIMER_DELAY);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_DELAY);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledOnce();
  });

  it("can be cleared before it fires", () => {
    vi.useFakeTimers({ now: 0 });
    const fired = vi.fn();
    const timer = new LongTimeout(setTimeout, clearTimeout, fired, MAX_TIMER_DELAY + 5);
    vi.advanceTimersByTime(MAX_TIMER_DELAY);
    timer.clear();
    vi.advanceTimersByTime(MAX_TIMER_DELAY);
    expect(fired).not.toHaveBeenCalled();
  });
});
