// Checksummed write-ahead log records: a torn tail is cut off and reported, a damaged record
// with intact ones after it stops the load and leaves the files as they were.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Persistence } from "../../../local-backend/engine/persistence";
import { CorruptLogError, encodeRecord, scanLog } from "../../../local-backend/engine/wal-record";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "opencom-wal-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const records = (...values: Array<Record<string, unknown>>) => Buffer.from(values.map((v) => encodeRecord(v)).join(""));
const commit = (n: number) => ({ kind: "commit", ts: String(n), writes: [["", `${10000 + n}notes`, { _id: `${10000 + n}notes`, _creationTime: n, body: `note ${n}` }]], counters: { "": [10001 + n, n] } });

describe("write-ahead log records", () => {
  it("round-trips records with a CRC-32 per line", () => {
    const line = encodeRecord({ a: 1 });
    expect(line).toMatch(/^[0-9a-f]{8} \{"a":1\}\n$/);
    expect(scanLog(records({ a: 1 }, { b: "é" }), "wal")).toEqual({ records: [{ a: 1 }, { b: "é" }], tornTail: null });
  });

  it("reports a torn tail: an unterminated last line, or failing lines with nothing intact after them", () => {
    const intact = records({ a: 1 });
    const unterminated = Buffer.concat([intact, Buffer.from(encodeRecord({ b: 2 }).slice(0, -1))]);
    expect(scanLog(unterminated, "wal")).toEqual({ records: [{ a: 1 }], tornTail: { line: 2, offset: intact.length, bytes: unterminated.length - intact.length } });
    const garbageTail = Buffer.concat([intact, Buffer.from('0badc0de {"kind":"com\n\0\0\0')]);
    expect(scanLog(garbageTail, "wal").tornTail).toMatchObject({ line: 2, offset: intact.length });
  });

  it("refuses a damaged record in the middle, naming the file, the line and the byte", () => {
    const good = encodeRecord({ a: 1 });
    const damaged = encodeRecord({ b: "second" }).replace("second", "sec0nd");
    const log = Buffer.from(good + damaged + encodeRecord({ c: 3 }));
    expect(() => scanLog(log, "/data/db/wal.jsonl")).toThrow(CorruptLogError);
    expect(() => scanLog(log, "/data/db/wal.jsonl")).toThrow(`/data/db/wal.jsonl is damaged at line 2 (byte ${good.length})`);
  });

  it("still reads lines written before checksums existed", () => {
    expect(scanLog(Buffer.from('{"a":1}\n{"b":2}\n'), "wal").records).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe("loading the log", () => {
  it("cuts a torn tail off the file and says so", () => {
    const dir = tempDir();
    const logPath = join(dir, "wal.jsonl");
    const intact = records(commit(1), commit(2));
    writeFileSync(logPath, Buffer.concat([intact, Buffer.from(encodeRecord(commit(3)).slice(0, 40))]));
    const lines: string[] = [];
    const state = new Persistence(dir, { log: (line) => lines.push(line) }).load();
    expect(Object.keys(state.components[""]?.documents ?? {})).toEqual(["10001notes", "10002notes"]);
    expect(state.ts).toBe(2n);
    expect(statSync(logPath).size).toBe(intact.length);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`cut a torn record off the end of .*wal\\.jsonl \\(line 3, 40 bytes\\)`))]);
  });

  it("stops on a damaged record in the middle and changes no file", () => {
    const dir = tempDir();
    const logPath = join(dir, "wal.jsonl");
    const store = new Persistence(dir);
    store.compact({ ts: 0n, components: {}, requests: new Map() });
    const log = encodeRecord(commit(1)) + encodeRecord(commit(2)).replace("note 2", "note 9") + encodeRecord(commit(3));
    writeFileSync(logPath, log);
    const snapshot = readFileSync(join(dir, "snapshot.json"));
    expect(() => new Persistence(dir).load()).toThrow(/wal\.jsonl is damaged at line 2 .* 1 intact record follow/);
    expect(readFileSync(logPath, "utf8")).toBe(log);
    expect(readFileSync(join(dir, "snapshot.json"))).toEqual(snapshot);
  });

  it("appends after a repaired tail without gluing records together", () => {
    const dir = tempDir();
    const logPath = join(dir, "wal.jsonl");
    writeFileSync(logPath, encodeRecord(commit(1)));
    appendFileSync(logPath, encodeRecord(commit(2)).slice(0, 30));
    const store = new Persistence(dir);
    store.load();
    store.appendCommit({ ts: 3n, writes: [["", "10003notes", { _id: "10003notes", _creationTime: 3, body: "note 3" }]], counters: { "": [10004, 3] } });
    const state = new Persistence(dir).load();
    expect(Object.keys(state.components[""]?.documents ?? {})).toEqual(["10001notes", "10003notes"]);
  });

  it("waits for the disk before a commit counts as durable", async () => {
    const dir = tempDir();
    const store = new Persistence(dir);
    store.load();
    store.appendCommit({ ts: 1n, writes: [], counters: {} });
    let durable = false;
    const waiting = store.durable().then(() => (durable = true));
    expect(durable).toBe(false); // the sync runs off the event loop; nothing is acknowledged before it ends
    await waiting;
    expect(durable).toBe(true);
  });
});
