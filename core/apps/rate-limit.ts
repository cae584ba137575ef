/**
 * A token bucket for one app's actions: `capacity` in a burst, refilled at
 * `perSecond`. The clock is injected, so tests step time by hand.
 */

export type RateLimitOptions = { capacity: number; perSecond: number; now: () => number };

/** Ten actions at once, then ten a second: far above what a person clicking in an app does. */
export const DEFAULT_ACTION_RATE = { capacity: 10, perSecond: 10 } as const;

export class ActionRateLimiter {
  readonly #capacity: number;
  readonly #perSecond: number;
  readonly #perMs: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  constructor(options: RateLimitOptions) {
    if (!(options.capacity >= 1) || !(options.perSecond > 0)) throw new RangeError("capacity must be ≥ 1 and perSecond > 0");
    this.#capacity = options.capacity;
    this.#perSecond = options.perSecond;
    this.#perMs = options.perSecond / 1000;
    this.#now = options.now;
    this.#tokens = options.capacity;
    this.#updatedAt = options.now();
  }

  /** Takes one token: 0 when allowed, else the milliseconds until one is available. */
  take(): number {
    const now = this.#now();
    // A clock that steps back (a corrected wall clock) must not mint tokens.
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#perMs);
    this.#updatedAt = Math.max(this.#updatedAt, now);
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    // The epsilon keeps float dust (0.002 less 0.998) from rounding a 1 ms wait up to 2.
    return Math.max(1, Math.ceil(((1 - this.#tokens) * 1000) / this.#perSecond - 1e-9));
  }
}
