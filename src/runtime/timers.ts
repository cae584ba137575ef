/** Thrown into pending `sleep`s when the widget is destroyed, so async loops end. */
export class DestroyedError extends Error {
  constructor() {
    super("The widget was destroyed");
  }
}

/**
 * Every timer of one widget instance, so that `destroy()` can clear them all at once and
 * nothing fires into a torn-down widget.
 */
export interface Timers {
  timeout(callback: () => void, ms: number): () => void;
  interval(callback: () => void, ms: number): () => void;
  /** Resolves after `ms`; rejects with DestroyedError when the timers are cleared first. */
  sleep(ms: number): Promise<void>;
  clearAll(): void;
}

// Browsers run a timeout longer than 2^31-1 ms at once, so cap long delays.
const MAX_DELAY = 2 ** 31 - 1;

export function createTimers(): Timers {
  const timeouts = new Set<ReturnType<typeof setTimeout>>();
  const intervals = new Set<ReturnType<typeof setInterval>>();
  const sleepers = new Set<(error: Error) => void>();
  let cleared = false;

  function timeout(callback: () => void, ms: number): () => void {
    if (cleared) return () => {};
    const id = setTimeout(() => {
      timeouts.delete(id);
      callback();
    }, Math.min(Math.max(0, ms), MAX_DELAY));
    timeouts.add(id);
    return () => {
      clearTimeout(id);
      timeouts.delete(id);
    };
  }

  return {
    timeout,
    interval(callback, ms) {
      if (cleared) return () => {};
      const id = setInterval(callback, ms);
      intervals.add(id);
      return () => {
        clearInterval(id);
        intervals.delete(id);
      };
    },
    sleep(ms) {
      return new Promise<void>((resolve, reject) => {
        if (cleared) return reject(new DestroyedError());
        sleepers.add(reject);
        timeout(() => {
          sleepers.delete(reject);
          resolve();
        }, ms);
      });
    },
    clearAll() {
      cleared = true;
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
      timeouts.clear();
      intervals.clear();
      for (const reject of sleepers) reject(new DestroyedError());
      sleepers.clear();
    },
  };
}
