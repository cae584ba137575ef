// What the backend remembers about one top-level function execution: its log lines, the tables
// it read (for reactivity), its pagination journal and, for client mutations, its request key.
// convex-test gives every top-level execution a request-metadata object and scheduled
// functions a fresh one, so keying on that object tells our request apart from work it spawned.
import type { RequestMetadata } from "./internals";
import { ReadSet } from "./read-set";

export interface ExecutionState {
  logLines: string[];
  /** What the execution read, to know which writes can change its result. */
  reads: ReadSet;
  /** The end cursor a re-run of a paginated query must stop at (Convex's query journal). */
  journalIn: string | null;
  journalOut: string | null;
  requestKey: string | undefined;
  /** Timestamp of the execution's own top-level commit, once it has committed. */
  commitTs: bigint | undefined;
}

export class Executions {
  private readonly states = new WeakMap<RequestMetadata, ExecutionState>();
  private nextRequest = 0;

  constructor(private readonly currentMetadata: () => RequestMetadata | undefined) {}

  start(options: { journal?: string | null; requestKey?: string; ip?: string | null; userAgent?: string | null }): {
    metadata: RequestMetadata;
    state: ExecutionState;
  } {
    const metadata: RequestMetadata = {
      ip: options.ip ?? null,
      userAgent: options.userAgent ?? null,
      requestId: `local-${Date.now().toString(36)}-${(this.nextRequest++).toString(36)}`,
      scheduledFunctionId: null,
      authToken: null,
    };
    const state: ExecutionState = {
      logLines: [],
      reads: new ReadSet(),
      journalIn: parseJournal(options.journal ?? null),
      journalOut: null,
      requestKey: options.requestKey,
      commitTs: undefined,
    };
    this.states.set(metadata, state);
    return { metadata, state };
  }

  current(): ExecutionState | undefined {
    const metadata = this.currentMetadata();
    return metadata === undefined ? undefined : this.states.get(metadata);
  }
}

/** Journals are ours to define: `{"endCursor": "..."}`. Anything else is ignored. */
export function parseJournal(journal: string | null): string | null {
  if (journal === null) return null;
  try {
    const parsed = JSON.parse(journal) as { endCursor?: unknown };
    return typeof parsed.endCursor === "string" ? parsed.endCursor : null;
  } catch {
    return null;
  }
}

export function makeJournal(endCursor: string): string {
  return JSON.stringify({ endCursor });
}
