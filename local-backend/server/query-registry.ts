// Live queries shared by every connection: one execution per distinct (function, args,
// identity, journal), re-run only when a commit wrote a table it read, and pushed only to the
// connections whose last-sent result differs.
import type { JSONValue } from "convex/values";
import type { UserIdentity } from "../engine/auth";
import type { Engine, RunResult } from "../engine/engine";
import { tableNameFromId, type CommitEvent } from "../engine/hooks";

export type QueryModification =
  | { type: "QueryRemoved"; queryId: number }
  | { type: "QueryUpdated"; queryId: number; value: JSONValue; logLines: string[]; journal: string | null }
  | { type: "QueryFailed"; queryId: number; errorMessage: string; errorData?: JSONValue; logLines: string[]; journal: string | null };

export interface SharedQuery {
  readonly key: string;
  readonly udfPath: string;
  readonly args: JSONValue;
  readonly identity: UserIdentity | null;
  readonly journal: string | null;
  readonly access: QueryAccess;
  /** The journal of the first run, which every re-run follows so a page keeps its end. */
  pinnedJournal: string | null;
  result: RunResult | undefined;
  /** A fingerprint of the result, to send only what changed. */
  resultHash: string;
  stale: boolean;
  running: Promise<void> | undefined;
  subscribers: number;
}

/** Who may run what: admin callers reach internal and component queries. */
export interface QueryAccess {
  admin: boolean;
  componentPath: string;
}

const CLIENT_ACCESS: QueryAccess = { admin: false, componentPath: "" };

export interface QueryListener {
  /** Called after each round of re-runs with the timestamp the results are at least as new as. */
  pushUpdates(ts: bigint): void;
}

export class QueryRegistry {
  private readonly queries = new Map<string, SharedQuery>();
  private readonly listeners = new Set<QueryListener>();
  private flushing = false;
  private flushAgain = false;
  private flushScheduled = false;

  constructor(private readonly engine: Engine) {
    engine.onCommit((event) => this.committed(event));
  }

  addListener(listener: QueryListener): void {
    this.listeners.add(listener);
  }

  removeListener(listener: QueryListener): void {
    this.listeners.delete(listener);
  }

  acquire(udfPath: string, args: JSONValue, identity: UserIdentity | null, journal: string | null, access: QueryAccess = CLIENT_ACCESS): SharedQuery {
    const key = JSON.stringify([udfPath, args, identityKey(identity), journal, access.admin, access.componentPath]);
    let query = this.queries.get(key);
    if (query === undefined) {
      query = { key, udfPath, args, identity, journal, access, pinnedJournal: journal, result: undefined, resultHash: "", stale: true, running: undefined, subscribers: 0 };
      this.queries.set(key, query);
    }
    query.subscribers += 1;
    return query;
  }

  release(query: SharedQuery): void {
    query.subscribers -= 1;
    if (query.subscribers <= 0) this.queries.delete(query.key);
  }

  /** Brings a query up to date, sharing an execution already under way. */
  async refresh(query: SharedQuery): Promise<void> {
    while (query.stale || query.result === undefined) {
      if (query.running !== undefined) {
        await query.running;
        continue;
      }
      query.stale = false;
      query.running = this.engine.runQuery(query.udfPath, query.args, { identity: query.identity, journal: query.pinnedJournal, ...query.access }).then((result) => {
        if (result.ok && query.pinnedJournal === null) query.pinnedJournal = result.journal;
        query.result = result;
        query.resultHash = fingerprint(result);
        query.running = undefined;
      });
      await query.running;
    }
  }

  /** Asks for a round of re-runs and pushes, e.g. so a mutation's caller gets its Transition. */
  requestFlush(): void {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private committed(event: CommitEvent): void {
    for (const query of this.queries.values()) {
      // A run under way may have read before this commit: run it again to be sure.
      if (query.running !== undefined || query.result === undefined || dependsOn(query.result, event)) query.stale = true;
    }
    this.requestFlush();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        const ts = this.engine.ts;
        for (const query of [...this.queries.values()]) {
          if (query.stale) await this.refresh(query);
        }
        for (const listener of this.listeners) listener.pushUpdates(ts);
      } while (this.flushAgain);
    } finally {
      this.flushing = false;
    }
  }
}

/**
 * Convex shares a query's result only between callers with the same identity, claims and
 * all: the same subject in two organisations (or before and after a token refresh) must not
 * see one another's results. Keys are sorted so claim order does not matter.
 */
export function identityKey(identity: UserIdentity | null): string | null {
  if (identity === null) return null;
  return JSON.stringify(Object.keys(identity).sort().map((claim) => [claim, identity[claim]]));
}

function dependsOn(result: RunResult, event: CommitEvent): boolean {
  return event.writes.some((write) => result.reads.isAffectedBy(write, tableNameFromId(write.id) ?? ""));
}

function fingerprint(result: RunResult): string {
  return result.ok ? JSON.stringify([true, result.value]) : JSON.stringify([false, result.errorMessage, result.errorData ?? null]);
}

export function modificationFor(queryId: number, query: SharedQuery): QueryModification | null {
  const result = query.result;
  if (result === undefined) return null;
  if (result.ok) return { type: "QueryUpdated", queryId, value: result.value, logLines: result.logLines, journal: result.journal };
  return {
    type: "QueryFailed",
    queryId,
    errorMessage: result.errorMessage,
    ...(result.errorData !== undefined ? { errorData: result.errorData } : {}),
    logLines: result.logLines,
    journal: query.journal,
  };
}
