// What a function sees of the JavaScript runtime, set per execution as Convex sets it: only the
// deployment's environment variables in `process.env`; and in queries and mutations, which
// Convex runs deterministically, a `Date` frozen at the start of the call and a `Math.random`
// seeded for the call. convex-test already gives every handler its own set of globals (an
// AsyncLocalStorage store read through accessors on globalThis); we add ours to each store as
// it is entered. (`crypto.getRandomValues` stays the host's: Node's WebCrypto object refuses
// to be wrapped, and true randomness there only hides nothing.)
import { randomBytes } from "node:crypto";
import type { ConvexTestInternals } from "./internals";

export interface RuntimeOptions {
  /** The deployment's variables, read at the start of each execution. */
  env: () => Record<string, string>;
}

type GlobalsStore = Record<string, unknown>;

/** A view of the host's `process` whose `env` is the deployment's, copied per execution. */
function processWithEnv(env: Record<string, string>): NodeJS.Process {
  const own = { ...env };
  return new Proxy(process, {
    get(target, property) {
      if (property === "env") return own;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const HostDate = Date;
const HostMath = Math;

/** A Date whose clock stands still at `now`: `Date.now()`, `new Date()` and `Date()` all read it. */
export function frozenDate(now: number): DateConstructor {
  return new Proxy(HostDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now] : args, newTarget) as object,
    apply: () => new HostDate(now).toString(),
    get: (target, property, receiver) => (property === "now" ? () => now : Reflect.get(target, property, receiver)),
  });
}

/** sfc32, a small fast generator with a 128-bit state, seeded with real randomness per call. */
export function seededRandom(seed: Uint8Array = randomBytes(16)): () => number {
  const view = new DataView(seed.buffer, seed.byteOffset, 16);
  let [a, b, c, d] = [0, 4, 8, 12].map((offset) => view.getUint32(offset, true)) as [number, number, number, number];
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function seededMath(): Math {
  return Object.create(HostMath, { random: { value: seededRandom(), enumerable: false } }) as Math;
}

export function installRuntime(internals: ConvexTestInternals, options: RuntimeOptions): void {
  const storage = internals.globalOverridesStorage;
  const enter = storage.run.bind(storage);
  storage.run = <R>(store: GlobalsStore, fn: (...args: unknown[]) => R, ...args: unknown[]): R => {
    if (!("process" in store)) store.process = processWithEnv(options.env());
    // convex-test marks queries and mutations by disallowing `fetch` in their store.
    const inTransaction = "fetch" in store;
    if (inTransaction && !("Date" in store)) store.Date = frozenDate(HostDate.now());
    if (inTransaction && !("Math" in store)) store.Math = seededMath();
    return enter(store, fn, ...args);
  };
}

/** Runs `load` (e.g. importing the app's modules) with the deployment's environment. */
export function withDeploymentGlobals<R>(internals: ConvexTestInternals, load: () => R): R {
  return internals.runWithGlobalOverrides({}, load);
}
