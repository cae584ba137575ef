import { describe, expect, it } from "vitest";
import { ActionRateLimiter } from "../../../../core/apps/rate-limit";

describe("ActionRateLimiter", () => {
  it("allows a burst of capacity, then refills at the rate", () => {
    let now = 1_000;
    const limiter = new ActionRateLimiter({ capacity: 3, perSecond: 2, now: () => now });
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([0, 0, 0]);
    expect(limiter.take()).toBe(500);
    now += 499;
    expect(limiter.take()).toBe(1);
    now += 1;
    expect(limiter.take()).toBe(0);
    now += 10_000;
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([0, 0, 0, 500]);
  });

  it("mints nothing when the clock steps back", () => {
    let now = 5_000;
    const limiter = new ActionRateLimiter({ capacity: 1, perSecond: 1, now: () => now });
    expect(limiter.take()).toBe(0);
    now = 0;
    expect(limiter.take()).toBeGreaterThan(0);
    now = 5_999;
    expect(limiter.take()).toBeGreaterThan(0);
    now = 6_000;
    expect(limiter.take()).toBe(0);
  });

  it("refuses nonsense options", () => {
    expect(() => new ActionRateLimiter({ capacity: 0, perSecond: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => new ActionRateLimiter({ capacity: 1, perSecond: 0, now: () => 0 })).toThrow(RangeError);
  });
});
