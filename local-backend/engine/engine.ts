// Runs a Convex app's functions in-process on convex-test, with persistence, real timers for
// the scheduler and crons, components, file storage and commit notifications. It knows nothing
// of any particular app.
import { AsyncLocalStorage } from "node:async_hooks";
import { join } from "node:path";
import { makeFunctionReference } from "convex/server";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { AdminKey, ensureAdminKey } from "./admin-key";
import { AuthVerifier, type UserIdentity } from "./auth";
import { componentModules, findComponents } from "./components";
import { CronRunner, type CronJobSpec } from "./crons";
import { assertCallable, type FunctionKind, type RegisteredFunction } from "./callable";
import { describeFailure, type FunctionFailure } from "./errors";
import { Executions } from "./executions";
import { assertResultLimits } from "./limits";
import { enforceFunctionTimeout } from "./function-clock";
import { installHooks, type CommitEvent } from "./hooks";
import { loadConvexTestInternals, type ConvexGlobal, type ConvexTestInternals, type TestConvex } from "./internals";
import { captureConsole } from "./logs";
import { installLongTimers } from "./long-timers";
import { canonicalUdfPath, loadModuleOf, loadModules, modulePathOf, type ModuleMap } from "./modules";
import { Persistence, type Doc, type PersistedState } from "./persistence";
import type { ReadSet } from "./read-set";
import { RequestsOnce } from "./request-once";
import { FileStore } from "./storage";
import { invokeHttpAction } from "./http-action";
import { restoreState, resumeScheduledJobs } from "./restart";
import { installRuntime, withDeploymentGlobals } from "./runtime";
import type { WalSync } from "./wal-file";

export type { FunctionKind } from "./callable";

interface RunDetails {
  logLines: string[];
  reads: ReadSet;
}
export type RunResult =
  | (RunDetails & { ok: true; value: JSONValue; journal: string | null; ts: bigint })
  | (RunDetails & FunctionFailure & { ok: false });

export interface RunOptions {
  identity?: UserIdentity | null;
  journal?: string | null;
  requestKey?: string;
  ip?: string | null;
  userAgent?: string | null;
  /** The component the function lives in; "" (the app) by default. Admin only. */
  componentPath?: string;
  /** Called with the admin key: internal and component functions are allowed. */
  admin?: boolean;
}

export interface EngineOptions {
  functionsDir: string;
  dataDir: string;
  /** Base URL of the client API, used for file URLs. */
  publicUrl: string;
  echoFunctionLogs?: boolean;
  log?: (line: string) => void;
  /** The deployment's environment variables, the only ones functions see. */
  env?: () => Record<string, string>;
  /** Stretches Convex's 1 s limit on queries and mutations for slow machines. Default 1. */
  functionTimeoutMultiplier?: number;
  /** When a commit counts as done: once on disk ("commit", the default) or once written ("off"). */
  walSync?: WalSync;
}

export class Engine {
  private readonly listeners = new Set<(event: CommitEvent) => void>();
  private readonly once: RequestsOnce;
  private readonly crons: CronRunner;
  readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private lastTs: bigint;
  readonly adminKey: AdminKey;
  /** Runs a callback outside every async context, so work it starts is not charged to a request. */
  private readonly outside = AsyncLocalStorage.snapshot();

  private constructor(
    private readonly options: EngineOptions,
    private readonly internals: ConvexTestInternals,
    private readonly t: TestConvex,
    private readonly global: ConvexGlobal,
    private readonly modules: ModuleMap,
    private readonly persistence: Persistence,
    private readonly executions: Executions,
    readonly files: FileStore,
    private readonly auth: AuthVerifier,
    private readonly requests: PersistedState["requests"],
    readonly firstStart: boolean,
    readonly moduleFailures: Array<{ file: string; error: string }>,
  ) {
    this.lastTs = global.transactionManager._lastCommitTs;
    this.adminKey = new AdminKey(ensureAdminKey(options.dataDir));
    this.crons = new CronRunner((udfPath, args) => this.runScheduled(udfPath, args), this.log);
    this.once = new RequestsOnce(requests, persistence);
  }

  static async create(options: EngineOptions): Promise<Engine> {
    installLongTimers();
    const internals = await loadConvexTestInternals();
    installRuntime(internals, { env: options.env ?? (() => ({})) });
    // Module top levels (auth.config.ts above all) read process.env too: the deployment's.
    const loaded = await withDeploymentGlobals(internals, () => loadModules(options.functionsDir));
    const defaultExport = async (name: string) => (await loadModuleOf(loaded.map, options.functionsDir, name))?.default;
    const schema = await defaultExport("schema");
    // Convex's per-transaction limits: documents and bytes read and written, functions scheduled.
    const t = internals.convexTest({ ...(schema ? { schema } : {}), modules: loaded.map, transactionLimits: true });
    for (const component of await findComponents(options.functionsDir)) {
      const { modules, schema: componentSchema } = await componentModules(component.dir);
      t.registerComponent(component.path, componentSchema, modules);
    }
    let captured: ConvexGlobal | undefined;
    await t.query(async () => {
      captured = internals.convexGlobalStorage.getStore();
      return null;
    });
    if (captured === undefined) throw new Error("convex-test did not expose its deployment state");
    const global = captured;

    const persistence = new Persistence(join(options.dataDir, "db"), { sync: options.walSync ?? "commit", log: (line) => (options.log ?? console.log)(`[local-backend] ${line}`) });
    const firstStart = persistence.isEmpty();
    const state = persistence.load();
    const files = new FileStore(join(options.dataDir, "storage"), options.publicUrl);
    restoreState(global, state, files);
    const executions = new Executions(() => internals.requestMetadataStorage.getStore());
    const providers = ((await defaultExport("auth.config")) as { providers?: [] } | undefined)?.providers ?? [];
    const engine = new Engine(options, internals, t, global, loaded.map, persistence, executions, files, new AuthVerifier(providers), state.requests, firstStart, loaded.failures);
    const currentComponentPath = () => (internals.executionContextStorage.getStore()?.componentPath as string | undefined) ?? "";
    installHooks({
      global,
      executions,
      files,
      currentComponentPath,
      inAction: () => ["action", "http"].includes(String(internals.executionContextStorage.getStore()?.udfType)),
      inTransaction: async (write) => {
        let result: ReturnType<typeof write> | undefined;
        await t.run(async () => {
          result = write();
          return null;
        });
        return result as ReturnType<typeof write>;
      },
      onCommit: (event) => engine.committed(event),
    });
    enforceFunctionTimeout(global.transactionManager, options.functionTimeoutMultiplier ?? 1);
    captureConsole(executions, options.echoFunctionLogs ?? false);
    await resumeScheduledJobs({ global, internals, isAction: (path, udfPath) => engine.isAction(path, udfPath), timers: engine.timers });
    persistence.compact(engine.persistedState());
    const crons = ((await defaultExport("crons")) as { crons?: Record<string, CronJobSpec> } | undefined)?.crons;
    if (crons) engine.crons.start(crons);
    return engine;
  }

  /** The timestamp of the latest committed write. */
  get ts(): bigint {
    return this.lastTs;
  }

  onCommit(listener: (event: CommitEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  verifyToken(token: string): Promise<UserIdentity> {
    return this.auth.verify(token);
  }

  runQuery(udfPath: string, args: JSONValue, options: RunOptions = {}): Promise<RunResult> {
    return this.execute("query", udfPath, args, options);
  }

  runAction(udfPath: string, args: JSONValue, options: RunOptions = {}): Promise<RunResult> {
    return this.execute("action", udfPath, args, options);
  }

  /** Runs a client mutation at most once per request key, even across retries and restarts. */
  runMutation(udfPath: string, args: JSONValue, options: RunOptions = {}): Promise<RunResult> {
    const run = () => this.execute("mutation", udfPath, args, options);
    return options.requestKey === undefined ? run() : this.once.run(options.requestKey, run);
  }

  /** Runs any function, internal ones included: for the backend's own use (seeding), never for clients. */
  async runInternal(udfPath: string, args: Record<string, Value> = {}): Promise<Value> {
    return (await this.t.fun({ componentPath: "", udfPath }, args)) as Value;
  }

  async runHttpAction(request: Request, details: { ip: string | null; userAgent: string | null }): Promise<Response | null> {
    const http = await loadModuleOf(this.modules, this.options.functionsDir, "http");
    const router = http?.default as { lookup(path: string, method: string): [unknown, string, string] | null } | undefined;
    const found = router?.lookup(new URL(request.url).pathname, request.method);
    if (!found) return null;
    const { metadata } = this.executions.start({ ip: details.ip, userAgent: details.userAgent });
    const identity = await this.identityFromHeader(request.headers.get("authorization"));
    const response = await invokeHttpAction({ internals: this.internals, global: this.global, handler: found[0], request, metadata, identity });
    await this.persistence.durable();
    return response;
  }

  /** Stores an uploaded blob through the app's storage, as an upload URL does on Convex. */
  async storeUpload(blob: Blob): Promise<string> {
    return (await this.t.action(async (ctx: { storage: { store(blob: Blob): Promise<string> } }) => ctx.storage.store(blob))) as string;
  }

  /** The blob a storage URL's key names (never a storage id: ids are not capabilities). */
  fileAt(urlKey: string): Blob | null {
    const located = this.files.locate(urlKey);
    const db = located === null ? undefined : this.global.components[located.componentPath]?.db;
    return db === undefined || located === null || db._documents[located.storageId] === undefined ? null : (db._storage[located.storageId] ?? null);
  }

  /** Stops timers and writes a final snapshot, so the next start replays no log. */
  close(): void {
    this.crons.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.persistence.close(this.persistedState());
  }

  private readonly log = (line: string) => (this.options.log ?? console.log)(`[local-backend] ${line}`);

  private async execute(kind: FunctionKind, udfPath: string, args: JSONValue, options: RunOptions): Promise<RunResult> {
    const { metadata, state } = this.executions.start({
      journal: options.journal ?? null,
      ...(options.requestKey !== undefined ? { requestKey: options.requestKey } : {}),
      ip: options.ip ?? null,
      userAgent: options.userAgent ?? null,
    });
    try {
      const value = jsonToConvex(args);
      const componentPath = options.componentPath ?? "";
      const path = canonicalUdfPath(udfPath);
      const fn = await this.exportOf(path, componentPath);
      assertCallable({ kind, udfPath: path, fn, args: value, admin: options.admin === true });
      const caller = options.identity ? this.t.withIdentity(options.identity) : this.t;
      const result = await this.internals.requestMetadataStorage.run(metadata, () =>
        // Auth does not cross into components, as on Convex.
        componentPath === "" ? caller[kind](makeFunctionReference(path), value) : this.t.fun({ componentPath, udfPath: path }, value),
      );
      assertResultLimits(path, result as Value);
      // Acknowledged means on disk; a keyed mutation waits once its result is logged too.
      if (kind !== "query" && options.requestKey === undefined) await this.persistence.durable();
      const ts = state.commitTs ?? this.lastTs;
      return { ok: true, value: convexToJson(result as Value), journal: state.journalOut, ts, logLines: state.logLines, reads: state.reads };
    } catch (error) {
      return { ok: false, ...describeFailure(error, metadata.requestId), logLines: state.logLines, reads: state.reads };
    }
  }

  /** The export a function name points at; `_generated` and other `_` modules hold none. */
  private async exportOf(udfPath: string, componentPath = ""): Promise<RegisteredFunction | undefined> {
    const { modulePath, exportName } = modulePathOf(udfPath);
    if (modulePath.startsWith("_")) return undefined;
    if (componentPath !== "") {
      const component = this.global.components[componentPath];
      const module = component === undefined ? undefined : await component.modules(modulePath).catch(() => undefined);
      return module?.[exportName] as RegisteredFunction | undefined;
    }
    const module = await loadModuleOf(this.modules, this.options.functionsDir, modulePath);
    return module?.[exportName] as RegisteredFunction | undefined;
  }

  /** Component jobs are retried like mutations: their modules are not in the app's map. */
  async isAction(componentPath: string, udfPath: string): Promise<boolean> {
    if (componentPath !== "") return false;
    return (await this.exportOf(udfPath).catch(() => undefined))?.isAction === true;
  }

  private async identityFromHeader(header: string | null): Promise<UserIdentity | null> {
    const token = header?.match(/^Bearer\s+(\S+\.\S+\.\S*)$/)?.[1];
    if (token === undefined) return null;
    return this.auth.verify(token).catch(() => null);
  }

  private committed(event: CommitEvent): void {
    this.lastTs = event.ts;
    const counters = Object.fromEntries(
      Object.entries(this.global.components).map(([path, c]) => [path, [c.db._nextDocId, c.db._lastCreationTime] as [number, number]]),
    );
    const writes = event.writes.map((w): [string, string, Doc | null] => [w.componentPath, w.id, w.after]);
    this.persistence.appendCommit({ ts: event.ts, writes, counters, ...(event.requestKey !== undefined ? { requestKey: event.requestKey } : {}) });
    if (this.persistence.shouldCompact()) this.persistence.compact(this.persistedState());
    for (const listener of this.listeners) this.outside(() => listener(event));
  }

  private persistedState(): PersistedState {
    const components: PersistedState["components"] = {};
    for (const [path, { db }] of Object.entries(this.global.components)) {
      components[path] = { documents: { ...db._documents }, nextDocId: db._nextDocId, lastCreationTime: db._lastCreationTime };
    }
    return { ts: this.lastTs, components, requests: this.requests };
  }

  private async runScheduled(udfPath: string, argsJson: unknown): Promise<void> {
    await this.outside(() => this.t.fun({ componentPath: "", udfPath }, jsonToConvex(argsJson as JSONValue)));
  }
}
