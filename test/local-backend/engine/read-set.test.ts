import { describe, expect, it } from "vitest";
import { ReadSet } from "../../../local-backend/engine/read-set";

const write = (before: Record<string, unknown> | null, after: Record<string, unknown> | null, id = "10001notes", componentPath = "") => ({ componentPath, id, before, after });

describe("ReadSet", () => {
  it("depends on writes inside an index range, before or after the write", () => {
    const reads = new ReadSet();
    reads.readQuery("", { type: "IndexRange", indexName: "notes.by_author", range: [{ type: "Eq", fieldPath: "author", value: "ada" }] });
    expect(reads.isAffectedBy(write(null, { author: "ada" }), "notes")).toBe(true);
    expect(reads.isAffectedBy(write(null, { author: "bob" }), "notes")).toBe(false);
    // Moving a row out of the range changes the result too.
    expect(reads.isAffectedBy(write({ author: "ada" }, { author: "bob" }), "notes")).toBe(true);
    expect(reads.isAffectedBy(write(null, { author: "ada" }), "other")).toBe(false);
  });

  it("honours lower and upper bounds and nested field paths", () => {
    const reads = new ReadSet();
    reads.readQuery("", {
      type: "IndexRange",
      indexName: "items.by_meta_n",
      range: [
        { type: "Gte", fieldPath: "meta.n", value: 10 },
        { type: "Lt", fieldPath: "meta.n", value: 20 },
      ],
    });
    expect(reads.isAffectedBy(write(null, { meta: { n: 10 } }, "1items"), "items")).toBe(true);
    expect(reads.isAffectedBy(write(null, { meta: { n: 20 } }, "1items"), "items")).toBe(false);
    expect(reads.isAffectedBy(write(null, { meta: { n: 9 } }, "1items"), "items")).toBe(false);
  });

  it("depends on every write to a scanned or searched table and on documents read by id", () => {
    const reads = new ReadSet();
    reads.readQuery("", { type: "FullTableScan", tableName: "ticks" });
    reads.readQuery("", { type: "Search", indexName: "articles.search_body" });
    reads.readDocument("", "10005workspaces");
    expect(reads.isAffectedBy(write(null, { at: 1 }, "9ticks"), "ticks")).toBe(true);
    expect(reads.isAffectedBy(write(null, { body: "x" }, "9articles"), "articles")).toBe(true);
    expect(reads.isAffectedBy(write({ a: 1 }, { a: 2 }, "10005workspaces"), "workspaces")).toBe(true);
    expect(reads.isAffectedBy(write({ a: 1 }, { a: 2 }, "10006workspaces"), "workspaces")).toBe(false);
  });

  it("keeps components apart", () => {
    const reads = new ReadSet();
    reads.readQuery("rateLimiter", { type: "FullTableScan", tableName: "rateLimits" });
    expect(reads.isAffectedBy(write(null, {}, "1rateLimits", "rateLimiter"), "rateLimits")).toBe(true);
    expect(reads.isAffectedBy(write(null, {}, "1rateLimits", ""), "rateLimits")).toBe(false);
  });
});
