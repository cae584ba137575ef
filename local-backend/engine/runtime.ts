// What a function sees of the JavaScript runtime, set per execution as Convex sets it: only the
// deployment's environment variables in `process.env`. convex-test already gives every handler
// its own set of globals (an AsyncLocalStorage store read through accessors on globalThis);
// we add ours to each store as it is entered.
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

export function installRuntime(internals: ConvexTestInternals, options: RuntimeOptions): void {
  const storage = internals.globalOverridesStorage;
  const enter = storage.run.bind(storage);
  storage.run = <R>(store: GlobalsStore, fn: (...args: unknown[]) => R, ...args: unknown[]): R => {
    if (!("process" in store)) store.process = processWithEnv(options.env());
    return enter(store, fn, ...args);
  };
}

/** Runs `load` (e.g. importing the app's modules) with the deployment's environment. */
export function withDeploymentGlobals<R>(internals: ConvexTestInternals, load: () => R): R {
  return internals.runWithGlobalOverrides({}, load);
}
