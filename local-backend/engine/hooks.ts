// The seams where the backend watches convex-test work: every top-level commit (to persist it
// and wake subscriptions), every table read (to know which subscriptions a write can change),
// paginated reads (to keep a re-run page's end stable), storage URLs, and stored blobs.
import type { ConvexGlobal, DatabaseFake } from "./internals";
import { enforceDocumentRules } from "./documents";
import { rankSearches } from "./search";
import type { Executions } from "./executions";
import { makeJournal } from "./executions";
import type { DocumentWrite } from "./read-set";
import { randomStorageIds, type FileStore } from "./storage";

export interface CommitEvent {
  ts: bigint;
  writes: DocumentWrite[];
  requestKey: string | undefined;
}

/** The table an id of convex-test belongs to: ids are a counter followed by the table name. */
export function tableNameFromId(id: string): string | null {
  const match = /^[0-9]+/.exec(id);
  if (match === null || match[0].length === id.length) return null;
  return id.slice(match[0].length);
}

export function installHooks(options: {
  global: ConvexGlobal;
  executions: Executions;
  files: FileStore;
  currentComponentPath: () => string;
  /** Whether the running function is an action or HTTP action (outside any transaction). */
  inAction: () => boolean;
  /** Runs a callback inside a top-level transaction of its own. */
  inTransaction: <T>(write: () => T) => Promise<T>;
  onCommit: (event: CommitEvent) => void;
}): void {
  const { global, executions, files, onCommit, currentComponentPath } = options;
  const pending: DocumentWrite[] = [];

  for (const [path, component] of Object.entries(global.components)) {
    watchDatabase(path, component.db, files, pending);
  }
  trackReads(global, executions, currentComponentPath);
  serialiseStorageWrites(global, options);

  const transactions = global.transactionManager;
  const commitTransaction = transactions.commit.bind(transactions);
  transactions.commit = (isNested: boolean) => {
    const ts = commitTransaction(isNested);
    if (isNested || ts === null) return ts;
    const writes = pending.splice(0);
    const execution = executions.current();
    let requestKey: string | undefined;
    // The first top-level commit of an execution is its own; later ones come from work it
    // scheduled, which convex-test runs under a request metadata of its own anyway.
    if (execution !== undefined && execution.commitTs === undefined) {
      execution.commitTs = ts;
      requestKey = execution.requestKey;
    }
    onCommit({ ts, writes, requestKey });
    return ts;
  };

  const asyncSyscall = global.asyncSyscall;
  global.asyncSyscall = async (op: string, jsonArgs: string) => {
    switch (op) {
      case "1.0/queryPage": {
        const args = JSON.parse(jsonArgs) as { cursor?: string | null; endCursor?: string | null };
        assertCursor(args.cursor ?? null);
        const execution = executions.current();
        if (execution === undefined) return asyncSyscall(op, jsonArgs);
        if ((args.endCursor ?? null) === null && execution.journalIn !== null) args.endCursor = execution.journalIn;
        const result = await asyncSyscall(op, JSON.stringify(args));
        const { continueCursor } = JSON.parse(result) as { continueCursor: string };
        execution.journalOut = makeJournal(execution.journalIn ?? continueCursor);
        return result;
      }
      case "1.0/storageGetUrl": {
        const url = JSON.parse(await asyncSyscall(op, jsonArgs)) as string | null;
        const { storageId } = JSON.parse(jsonArgs) as { storageId: string };
        return JSON.stringify(url === null ? null : files.fileUrl(storageId));
      }
      case "1.0/storageGenerateUploadUrl":
        return JSON.stringify(files.uploadUrl());
      default:
        return asyncSyscall(op, jsonArgs);
    }
  };
}

/**
 * Reads are recorded at the syscall boundary, where a function's own reads arrive: inside the
 * database, convex-test's index scans call `get` for every row of the table.
 */
function trackReads(global: ConvexGlobal, executions: Executions, currentComponentPath: () => string): void {
  const syscall = global.syscall;
  global.syscall = (op: string, jsonArgs: string) => {
    if (op === "1.0/queryStream") executions.current()?.reads.readQuery(currentComponentPath(), (JSON.parse(jsonArgs) as { query: { source: never } }).query.source);
    return syscall(op, jsonArgs);
  };
  const asyncSyscall = global.asyncSyscall;
  global.asyncSyscall = (op: string, jsonArgs: string) => {
    const reads = executions.current()?.reads;
    if (reads !== undefined) {
      const args = JSON.parse(jsonArgs) as { id?: string; table?: string; query?: { source: never } };
      if (op === "1.0/get" && typeof args.id === "string") reads.readDocument(currentComponentPath(), args.id);
      else if (op === "1.0/queryPage" && args.query) reads.readQuery(currentComponentPath(), args.query.source);
      else if (op === "1.0/count" && typeof args.table === "string") reads.readTable(currentComponentPath(), args.table);
    }
    return asyncSyscall(op, jsonArgs);
  };
}

/**
 * convex-test decides whether storage metadata needs a transaction of its own by asking
 * whether *any* transaction is running, which in a server with concurrent requests puts an
 * action's `_storage` write into someone else's transaction. Writes from actions get a
 * transaction of their own here.
 */
function serialiseStorageWrites(
  global: ConvexGlobal,
  options: { currentComponentPath: () => string; inAction: () => boolean; inTransaction: <T>(write: () => T) => Promise<T> },
): void {
  const jsSyscall = global.jsSyscall;
  global.jsSyscall = async (op, args) => {
    if (op !== "storage/storeBlob") return jsSyscall(op, args);
    const blob = args.blob as Blob;
    const db = global.components[options.currentComponentPath()]!.db;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
    const sha256 = btoa(String.fromCharCode(...digest));
    // Convex's `_storage` documents carry the upload's content type when it had one.
    const metadata = { size: blob.size, sha256, ...(blob.type ? { contentType: blob.type } : {}) };
    const storageId = await options.inTransaction(() => db.insert("_storage", metadata));
    db.storeFile(storageId, blob);
    return storageId;
  };
  const asyncSyscall = global.asyncSyscall;
  global.asyncSyscall = async (op, jsonArgs) => {
    if (op !== "1.0/storageDelete" || !options.inAction()) return asyncSyscall(op, jsonArgs);
    const { storageId } = JSON.parse(jsonArgs) as { storageId: string };
    const db = global.components[options.currentComponentPath()]!.db;
    await options.inTransaction(() => db.delete("_storage", storageId));
    return JSON.stringify({});
  };
}

function watchDatabase(path: string, db: DatabaseFake, files: FileStore, pending: DocumentWrite[]): void {
  enforceDocumentRules(db);
  rankSearches(db);
  randomStorageIds(db);
  const tables = new TableIndex(Object.keys(db._documents));
  // convex-test scans every document of the database to find one table's rows; keeping the
  // ids of each table makes a query cost its table's size, not the whole database's.
  db._iterateDocs = (table, callback) => {
    const ids = new Set(tables.ids(table));
    for (const level of db._writes) for (const id of Object.keys(level)) if (tableNameFromId(id) === table) ids.add(id);
    for (const id of ids) {
      const doc = db.get(table, id);
      if (doc !== null) callback(doc);
    }
  };
  const commit = db.commit.bind(db);
  db.commit = (commitTs) => {
    const topLevel = db._writes.length === 1;
    const ids = topLevel ? Object.keys(db._writes[0] ?? {}) : [];
    const before = ids.map((id) => db._documents[id] ?? null);
    commit(commitTs);
    ids.forEach((id, index) => {
      const after = db._documents[id] ?? null;
      pending.push({ componentPath: path, id, before: before[index] ?? null, after });
      tables.update(id, after !== null);
      if (after === null && tableNameFromId(id) === "_storage") files.remove(id);
    });
  };
  const storeFile = db.storeFile.bind(db);
  db.storeFile = (storageId, blob) => {
    storeFile(storageId, blob);
    files.register(path, storageId);
    void files.save(storageId, blob).catch((error: unknown) => console.error(`[local-backend] could not save file ${storageId}:`, error));
  };
}

class TableIndex {
  private readonly byTable = new Map<string, Set<string>>();
  constructor(ids: string[]) {
    for (const id of ids) this.update(id, true);
  }
  ids(table: string): Iterable<string> {
    return this.byTable.get(table) ?? [];
  }
  update(id: string, exists: boolean): void {
    const table = tableNameFromId(id);
    if (table === null) return;
    let ids = this.byTable.get(table);
    if (ids === undefined) this.byTable.set(table, (ids = new Set()));
    if (exists) ids.add(id);
    else ids.delete(id);
  }
}

/** Cursors are ours (convex-test's): null, the end marker, or a JSON array of encoded keys. */
function assertCursor(cursor: string | null): void {
  if (cursor === null || cursor === "_end_cursor") return;
  try {
    const keys = JSON.parse(cursor) as unknown;
    if (Array.isArray(keys) && keys.every((key) => key === null || (typeof key === "string" && (JSON.parse(key), true)))) return;
  } catch {
    // falls through to Convex's refusal
  }
  throw new Error("Failed to parse cursor");
}
