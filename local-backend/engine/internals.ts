// convex-test exposes only a test accessor, but a backend needs a few of its internals: the
// per-deployment global (databases, transaction manager, syscalls), the request-metadata
// storage that tells one top-level execution from another, and the pieces of `t.fetch` needed
// to run HTTP actions with the real request URL. We load a copy of its module with an export
// line appended. test/local-backend/persistence-contract.test.ts fails loudly if an upgrade
// renames anything listed here.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const EXPORTED_INTERNALS = [
  "convexGlobalStorage",
  "requestMetadataStorage",
  "executionContextStorage",
  "withAuth",
  "AuthFake",
  "runWithGlobalOverrides",
  "getHandler",
  "runScheduledFunction",
  "validateValidator",
  "getFunctionPathFromAddress",
  "globalOverridesStorage",
] as const;

export interface DatabaseFake {
  _documents: Record<string, Record<string, unknown>>;
  _storage: Record<string, Blob>;
  _writes: Array<Record<string, Record<string, unknown> | null>>;
  _nextDocId: number;
  _lastCreationTime: number;
  _schema: unknown;
  _validate(table: string, doc: Record<string, unknown>): void;
  commit(commitTs: bigint | null): void;
  get(table: string | undefined, id: string): Record<string, unknown> | null;
  _iterateDocs(table: string, callback: (doc: Record<string, unknown>) => void): void;
  storeFile(storageId: string, blob: Blob): void;
  _generateId(table: string): string;
  insert(table: string, value: Record<string, unknown>): string;
  delete(table: string, id: string): void;
}

export interface TransactionManager {
  _lastCommitTs: bigint;
  begin(isNested: boolean, transactionLimits?: unknown): Promise<void>;
  commit(isNested: boolean): bigint | null;
  rollback(isNested: boolean): void;
}

export interface ConvexGlobal {
  components: Record<string, { db: DatabaseFake; modules: (path: string) => Promise<Record<string, unknown>> }>;
  transactionManager: TransactionManager;
  scheduler: {
    timerScheduled(): void;
    timerFired(): void;
    add(p: Promise<unknown>): void;
    finish(p: Promise<unknown>): void;
  };
  asyncSyscall: (op: string, jsonArgs: string) => Promise<string>;
  syscall: (op: string, jsonArgs: string) => string;
  jsSyscall: (op: string, args: Record<string, unknown>) => Promise<unknown>;
}

export interface RequestMetadata {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  scheduledFunctionId: string | null;
  authToken: string | null;
}

interface Store<T> {
  getStore(): T | undefined;
  run<R>(store: T, fn: () => R): R;
}

type Accessor = Record<string, (...args: never[]) => Promise<unknown>>;

/** The subset of convex-test internals the local backend relies on. */
export interface ConvexTestInternals {
  convexTest: (options: { schema?: unknown; modules: Record<string, () => Promise<unknown>>; transactionLimits?: boolean }) => TestConvex;
  convexGlobalStorage: Store<ConvexGlobal>;
  requestMetadataStorage: Store<RequestMetadata>;
  executionContextStorage: Store<Record<string, unknown>>;
  withAuth: (auth?: unknown) => Accessor & {
    query: (ref: unknown, args: unknown) => Promise<unknown>;
    mutation: (ref: unknown, args: unknown) => Promise<unknown>;
    action: (ref: unknown, args: unknown) => Promise<unknown>;
  };
  AuthFake: new (identity?: unknown, token?: string | null) => unknown;
  runWithGlobalOverrides: <R>(overrides: Record<string, unknown>, fn: () => R) => R;
  getHandler: (fn: unknown) => (...args: unknown[]) => unknown;
  runScheduledFunction: (options: {
    db: DatabaseFake;
    jobId: string;
    componentPath: string;
    functionPath: { componentPath: string; udfPath: string };
    args: unknown;
    name: string;
  }) => Promise<void>;
  validateValidator: (validator: unknown, value: unknown) => void;
  /** The per-handler globals (Date, Math, process, fetch…) convex-test reads through accessors. */
  globalOverridesStorage: {
    run<R>(store: Record<string, unknown>, fn: (...args: unknown[]) => R, ...args: unknown[]): R;
    getStore(): Record<string, unknown> | undefined;
  };
}

export interface TestConvex {
  query(ref: unknown, args?: unknown): Promise<unknown>;
  mutation(ref: unknown, args?: unknown): Promise<unknown>;
  action(ref: unknown, args?: unknown): Promise<unknown>;
  run(handler: (ctx: unknown) => Promise<unknown>): Promise<unknown>;
  fun(functionPath: { componentPath: string; udfPath: string }, args: unknown): Promise<unknown>;
  withIdentity(identity: Record<string, unknown>): TestConvex;
  registerComponent(path: string, schema: unknown, modules: Record<string, () => Promise<unknown>>): void;
}

const require = createRequire(import.meta.url);

// A failed scheduled job carries its error as text on Convex (`state.error`); convex-test
// records only `{ kind: "failed" }`, in the catch block of its runner, where the error is `error`.
const FAILED_JOB_STATE = 'state: { kind: "failed" },';
const FAILED_JOB_STATE_WITH_ERROR = 'state: { kind: "failed", error: describeScheduledJobFailure(error) },';
const DESCRIBE_JOB_FAILURE =
  "function describeScheduledJobFailure(e) { return e instanceof Error ? `Uncaught ${e.name}: ${e.message}` : `Uncaught ${String(e)}`; }";

function countOf(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Writes the patched copy beside node_modules (so its bare imports resolve) and imports it. */
export async function loadConvexTestInternals(): Promise<ConvexTestInternals> {
  const entry = require.resolve("convex-test");
  const source = readFileSync(entry, "utf8");
  const metricsUrl = pathToFileURL(join(dirname(entry), "transactionMetrics.js")).href;
  const missing = EXPORTED_INTERNALS.filter(
    (name) => !new RegExp(`(function|class|const) ${name}\\b`).test(source),
  );
  if (missing.length > 0 || !source.includes('"./transactionMetrics.js"') || countOf(source, FAILED_JOB_STATE) !== 1) {
    throw new Error(
      `convex-test changed shape: missing internals ${missing.join(", ") || "transactionMetrics import"}. ` +
        "The local backend pins convex-test 0.0.60; update local-backend/engine/internals.ts for the new version.",
    );
  }
  const patched =
    source.replace('"./transactionMetrics.js"', JSON.stringify(metricsUrl)).replace(FAILED_JOB_STATE, FAILED_JOB_STATE_WITH_ERROR) +
    `\n${DESCRIBE_JOB_FAILURE}\nexport { ${EXPORTED_INTERNALS.join(", ")} };\n`;
  const cacheDir = join(dirname(require.resolve("convex-test/package.json")), "..", ".cache", "opencom");
  mkdirSync(cacheDir, { recursive: true });
  const target = join(cacheDir, "convex-test-internals.mjs");
  writeFileSync(target, patched);
  return (await import(pathToFileURL(target).href)) as ConvexTestInternals;
}
