// Durable state for the in-memory convex-test databases: a snapshot plus a write-ahead log of
// checksummed records appended at every top-level commit (group-committed to disk, see
// wal-file.ts). A torn tail (a kill during an append) is cut off and logged on load; a damaged
// record with intact ones after it stops the start with every file left as it was.
import { existsSync, mkdirSync, readFileSync, renameSync, truncateSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import { join } from "node:path";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { WalFile, type WalSync } from "./wal-file";
import { encodeRecord, scanLog } from "./wal-record";

export type Doc = Record<string, unknown>;

export interface ComponentState {
  documents: Record<string, Doc>;
  nextDocId: number;
  lastCreationTime: number;
}

export interface CommitRecord {
  ts: bigint;
  /** [componentPath, documentId, document or null when deleted] */
  writes: Array<[string, string, Doc | null]>;
  counters: Record<string, [number, number]>;
  /** The client request (sessionId:requestId) this commit answers, for at-most-once mutations. */
  requestKey?: string;
}

export interface PersistedState {
  ts: bigint;
  components: Record<string, ComponentState>;
  /** Results of recent client mutations by request key, so a retried request is not re-applied. */
  requests: Map<string, { value: JSONValue; ts: string }>;
}

const SNAPSHOT = "snapshot.json";
const LOG = "wal.jsonl";
const MAX_REMEMBERED_REQUESTS = 10_000;
const COMPACT_AFTER_RECORDS = 5_000;

export interface PersistenceOptions {
  sync?: WalSync;
  log?: (line: string) => void;
}

export class Persistence {
  private records = 0;
  private wal: WalFile | undefined;
  constructor(
    private readonly dir: string,
    private readonly options: PersistenceOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
  }

  isEmpty(): boolean {
    return !existsSync(join(this.dir, SNAPSHOT)) && !existsSync(join(this.dir, LOG));
  }

  load(): PersistedState {
    const state: PersistedState = { ts: 0n, components: {}, requests: new Map() };
    const snapshotPath = join(this.dir, SNAPSHOT);
    if (existsSync(snapshotPath)) {
      const raw = readSnapshot(snapshotPath);
      state.ts = BigInt(raw.ts);
      for (const [path, component] of Object.entries(raw.components)) {
        state.components[path] = {
          nextDocId: component.nextDocId,
          lastCreationTime: component.lastCreationTime,
          documents: Object.fromEntries(component.documents.map((d) => [String((d as Doc)._id), decode(d)])),
        };
      }
      for (const [key, result] of raw.requests) state.requests.set(key, result);
    }
    const logPath = join(this.dir, LOG);
    if (existsSync(logPath)) {
      const { records, tornTail } = scanLog<LogLine>(readFileSync(logPath), logPath);
      for (const entry of records) applyLogLine(state, entry);
      if (tornTail !== null) {
        // Cut it off now: a later append must not land after half a record.
        truncateSync(logPath, tornTail.offset);
        syncFile(logPath);
        this.options.log?.(`cut a torn record off the end of ${logPath} (line ${tornTail.line}, ${tornTail.bytes} bytes): a commit interrupted by a crash, never acknowledged`);
      }
    }
    this.wal = new WalFile(logPath, this.options.sync ?? "commit");
    return state;
  }

  /** Resolves once every commit so far is on disk (immediately with sync "off"). */
  durable(): Promise<void> {
    return this.wal?.durable() ?? Promise.resolve();
  }

  appendCommit(record: CommitRecord): void {
    const line: LogLine = {
      kind: "commit",
      ts: record.ts.toString(),
      writes: record.writes.map(([path, id, doc]) => [path, id, doc === null ? null : encode(doc)]),
      counters: record.counters,
      ...(record.requestKey !== undefined ? { requestKey: record.requestKey } : {}),
    };
    this.append(line);
  }

  appendRequestResult(key: string, value: JSONValue, ts: bigint): void {
    this.append({ kind: "result", key, value, ts: ts.toString() });
  }

  shouldCompact(): boolean {
    return this.records >= COMPACT_AFTER_RECORDS;
  }

  /** Writes a fresh snapshot atomically (write, fsync, rename) and starts an empty log. */
  compact(state: PersistedState): void {
    const requests = [...state.requests.entries()].slice(-MAX_REMEMBERED_REQUESTS);
    const file: SnapshotFile = {
      version: 1,
      ts: state.ts.toString(),
      components: Object.fromEntries(
        Object.entries(state.components).map(([path, c]) => [
          path,
          { nextDocId: c.nextDocId, lastCreationTime: c.lastCreationTime, documents: Object.values(c.documents).map(encode) },
        ]),
      ),
      requests,
    };
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`);
    writeFileSync(tmp, JSON.stringify(file));
    syncFile(tmp);
    renameSync(tmp, join(this.dir, SNAPSHOT));
    syncDirectory(this.dir); // the rename itself must reach the disk before the log is emptied
    if (this.wal !== undefined) this.wal.reset();
    else writeFileSync(join(this.dir, LOG), "");
    this.records = 0;
  }

  /** A last snapshot, then the log is closed. */
  close(state: PersistedState): void {
    this.compact(state);
    this.wal?.close();
    this.wal = undefined;
  }

  private append(line: LogLine): void {
    if (this.wal === undefined) throw new Error("the write-ahead log is not open: load() first");
    this.wal.append(encodeRecord(line));
    this.records += 1;
  }
}

type LogLine =
  | { kind: "commit"; ts: string; writes: Array<[string, string, JSONValue | null]>; counters: Record<string, [number, number]>; requestKey?: string }
  | { kind: "result"; key: string; value: JSONValue; ts: string };

interface SnapshotFile {
  version: 1;
  ts: string;
  components: Record<string, { nextDocId: number; lastCreationTime: number; documents: JSONValue[] }>;
  requests: Array<[string, { value: JSONValue; ts: string }]>;
}

function applyLogLine(state: PersistedState, entry: LogLine): void {
  if (entry.kind === "result") {
    state.requests.set(entry.key, { value: entry.value, ts: entry.ts });
    return;
  }
  state.ts = BigInt(entry.ts);
  for (const [path, id, doc] of entry.writes) {
    const component = (state.components[path] ??= { documents: {}, nextDocId: 10000, lastCreationTime: 0 });
    if (doc === null) delete component.documents[id];
    else component.documents[id] = decode(doc);
  }
  for (const [path, [nextDocId, lastCreationTime]] of Object.entries(entry.counters)) {
    const component = (state.components[path] ??= { documents: {}, nextDocId, lastCreationTime });
    component.nextDocId = nextDocId;
    component.lastCreationTime = lastCreationTime;
  }
  if (entry.requestKey !== undefined) state.requests.set(entry.requestKey, { value: null, ts: entry.ts });
}

function readSnapshot(path: string): SnapshotFile {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SnapshotFile;
  } catch (error) {
    throw new Error(`The snapshot ${path} cannot be read (${(error as Error).message}). Nothing was changed in the data dir; restore it from a backup.`);
  }
}

function encode(doc: Doc): JSONValue {
  return convexToJson(doc as Value);
}

function decode(json: JSONValue): Doc {
  return jsonToConvex(json) as Doc;
}

function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Best effort: some platforms (Windows) cannot open a directory to sync it. */
function syncDirectory(path: string): void {
  try {
    syncFile(path);
  } catch (error) {
    if (!["EISDIR", "EPERM", "EACCES"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
}
