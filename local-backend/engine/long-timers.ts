// Node clamps a timer delay above 2^31-1 ms (about 24.8 days) to 1 ms, so a function scheduled
// for next month would run at once. convex-test arms scheduler timers through the global
// setTimeout, so we give the global one that waits in chunks for such delays and behaves
// exactly as before for every ordinary delay.
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

export class LongTimeout {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private refed = true;
  constructor(
    private readonly rawSetTimeout: typeof setTimeout,
    private readonly rawClearTimeout: typeof clearTimeout,
    private readonly callback: () => void,
    private readonly dueAt: number,
  ) {
    this.arm();
  }
  private arm(): void {
    const remaining = this.dueAt - Date.now();
    const delay = Math.max(0, Math.min(remaining, MAX_TIMER_DELAY));
    this.handle = this.rawSetTimeout(() => (this.dueAt - Date.now() > 0 ? this.arm() : this.callback()), delay);
    if (!this.refed) this.handle.unref?.();
  }
  clear(): void {
    if (this.handle !== undefined) this.rawClearTimeout(this.handle);
    this.handle = undefined;
  }
  unref(): this {
    this.refed = false;
    this.handle?.unref?.();
    return this;
  }
  ref(): this {
    this.refed = true;
    this.handle?.ref?.();
    return this;
  }
  hasRef(): boolean {
    return this.refed;
  }
}

let installed = false;

/** Replaces the global setTimeout/clearTimeout with versions that honour delays beyond 2^31-1 ms. */
export function installLongTimers(): void {
  if (installed) return;
  installed = true;
  const rawSetTimeout = globalThis.setTimeout;
  const rawClearTimeout = globalThis.clearTimeout;
  const patchedSetTimeout = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    if (typeof delay === "number" && delay > MAX_TIMER_DELAY) {
      return new LongTimeout(rawSetTimeout, rawClearTimeout, () => callback(...args), Date.now() + delay);
    }
    return rawSetTimeout(callback, delay, ...args);
  }) as typeof setTimeout;
  const patchedClearTimeout = ((handle: unknown) => {
    if (handle instanceof LongTimeout) handle.clear();
    else rawClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  }) as typeof clearTimeout;
  globalThis.setTimeout = Object.assign(patchedSetTimeout, { __promisify__: rawSetTimeout.__promisify__ });
  globalThis.clearTimeout = patchedClearTimeout;
}
