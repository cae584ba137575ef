import { API_METHODS, PROMISED_VALUES, type ApiMethod } from "../sdk/methods";

type AnyApi = Record<ApiMethod, (...args: unknown[]) => unknown>;

interface QueuedCall {
  method: ApiMethod;
  args: unknown[];
  /** Set for methods that return a value: settles the promise the stub handed out. */
  settle?: (value: unknown) => void;
}

export interface CallQueue {
  /** Stands in for `window.OpencomWidget` until the runtime arrives, then forwards to it. */
  stub: AnyApi;
  /** Replays every queued call on the real API, in the order they were made. */
  attach(real: AnyApi): void;
  /** The runtime could not load: settle pending promises with harmless values. */
  fail(): void;
}

export function createCallQueue(): CallQueue {
  let queue: QueuedCall[] = [];
  let real: AnyApi | null = null;

  const stub = {} as AnyApi;
  for (const method of API_METHODS) {
    stub[method] = (...args: unknown[]) => {
      if (real) return real[method](...args);
      // Answers at once, as the Opencom reference documents (`const tours =
      // OpencomWidget.getAvailableTours()`): before the runtime, no tour is known yet.
      if (method === "getAvailableTours") return [];
      if (!(method in PROMISED_VALUES)) {
        queue.push({ method, args });
        return undefined;
      }
      return new Promise((settle) => queue.push({ method, args, settle }));
    };
  }

  return {
    stub,
    attach(api) {
      real = api;
      const calls = queue;
      queue = [];
      for (const call of calls) {
        let result: unknown;
        try {
          result = api[call.method](...call.args);
        } catch {
          // The real API logs its own errors and never throws; this is belt and braces.
          result = PROMISED_VALUES[call.method];
        }
        call.settle?.(result);
      }
    },
    fail() {
      for (const call of queue) call.settle?.(PROMISED_VALUES[call.method]);
      queue = [];
    },
  };
}
