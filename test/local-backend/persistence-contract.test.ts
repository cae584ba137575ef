// The local backend keeps documents with their ids and creation times across restarts by
// reaching into convex-test internals. This contract fails loudly when an upgrade breaks that.
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../../local-backend/engine/engine";
import { loadConvexTestInternals } from "../../local-backend/engine/internals";
import { Persistence } from "../../local-backend/engine/persistence";
import { FIXTURE_FUNCTIONS } from "../support/backend-process";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "opencom-persist-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("convex-test internals the backend relies on", () => {
  it("are all present in the pinned convex-test", async () => {
    const internals = await loadConvexTestInternals();
    for (const name of ["convexGlobalStorage", "requestMetadataStorage", "executionContextStorage", "withAuth", "AuthFake", "runWithGlobalOverrides", "getHandler", "runScheduledFunction", "validateValidator", "convexTest"] as const) {
      expect(internals[name], name).toBeDefined();
    }
  });
});

describe("read tracking", () => {
  it("records a query's index range so writes elsewhere in the table do not touch it", async () => {
    const engine = await Engine.create({ functionsDir: FIXTURE_FUNCTIONS, dataDir: tempDir(), publicUrl: "http://127.0.0.1:1" });
    try {
      const query = await engine.runQuery("notes:list", { author: "ada" });
      const writes: Array<Parameters<Parameters<Engine["onCommit"]>[0]>[0]> = [];
      engine.onCommit((event) => writes.push(event));
      await engine.runMutation("notes:add", { body: "elsewhere", author: "bob" });
      await engine.runMutation("notes:add", { body: "mine", author: "ada" });
      const [bob, ada] = writes.map((event) => event.writes.some((w) => query.reads.isAffectedBy(w, "notes")));
      expect([bob, ada]).toEqual([false, true]);
    } finally {
      engine.close();
    }
  });
});

describe("persistence", () => {
  it("keeps ids, creation times and id counters across an engine restart", async () => {
    const dataDir = tempDir();
    const first = await Engine.create({ functionsDir: FIXTURE_FUNCTIONS, dataDir, publicUrl: "http://127.0.0.1:1" });
    expect(first.firstStart).toBe(true);
    const created = await first.runMutation("notes:add", { body: "kept", author: "p" });
    expect(created.ok).toBe(true);
    const before = await first.runQuery("notes:list", { author: "p" });
    first.close();

    const second = await Engine.create({ functionsDir: FIXTURE_FUNCTIONS, dataDir, publicUrl: "http://127.0.0.1:1" });
    expect(second.firstStart).toBe(false);
    const after = await second.runQuery("notes:list", { author: "p" });
    expect(after.ok && before.ok && after.value).toEqual(before.ok && before.value);
    const next = await second.runMutation("notes:add", { body: "new", author: "p" });
    expect(next.ok && created.ok && next.value !== created.value).toBe(true);
    second.close();
  });

  it("replays the write-ahead log and ignores a torn last line", () => {
    const dir = tempDir();
    const store = new Persistence(dir);
    store.load();
    store.appendCommit({ ts: 5n, writes: [["", "10000notes", { _id: "10000notes", _creationTime: 1.5, body: "a" }]], counters: { "": [10001, 1.5] }, requestKey: "s:1" });
    store.appendRequestResult("s:1", "10000notes", 5n);
    appendFileSync(join(dir, "wal.jsonl"), '{"kind":"commit","ts":"6","wri');
    const state = new Persistence(dir).load();
    expect(state.ts).toBe(5n);
    expect(state.components[""]?.documents["10000notes"]).toEqual({ _id: "10000notes", _creationTime: 1.5, body: "a" });
    expect(state.components[""]?.nextDocId).toBe(10001);
    expect(state.requests.get("s:1")).toEqual({ value: "10000notes", ts: "5" });
  });

  it("writes snapshots atomically and starts a fresh log", () => {
    const dir = tempDir();
    const store = new Persistence(dir);
    store.compact({ ts: 9n, components: { "": { documents: { "10001notes": { _id: "10001notes", _creationTime: 2, body: "b", big: 3n } }, nextDocId: 10002, lastCreationTime: 2 } }, requests: new Map() });
    writeFileSync(join(dir, "snapshot.json.tmp"), "garbage from a crash mid-compaction");
    const state = new Persistence(dir).load();
    expect(state.components[""]?.documents["10001notes"]).toEqual({ _id: "10001notes", _creationTime: 2, body: "b", big: 3n });
    expect(state.ts).toBe(9n);
  });
});
