// Convex's limits, enforced and worded as a deployment does, so that code that breaks one
// fails here first: documents (1 MiB, nesting 16, reserved names), values (8,192 items,
// 1,024 fields), transactions (16,000 writes, 32,000 documents read, 1,000 functions
// scheduled, 1 s), arguments and return values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, FIXTURE_FUNCTIONS, httpClient } from "../support/backend-process";

const failureOf = async (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => "no error",
    (error: Error) => error.message,
  );

describe("limits on values and transactions", () => {
  // A generous timeout multiplier: these tests are about the other limits.
  const backend = new BackendProcess(FIXTURE_FUNCTIONS, ["--function-timeout-multiplier", "30"]);
  const http = () => httpClient(backend.apiUrl);
  const insert = (doc: Record<string, unknown>) => failureOf(http().mutation("notes:insertRaw" as never, { table: "loose", doc } as never));
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it("refuses a document over 1 MiB", async () => {
    expect(await insert({ payload: "x".repeat(1_100_000) })).toMatch(/Value is too large \(1\.05 MiB > maximum size 1 MiB\)/);
    expect(await insert({ payload: "x".repeat(1_000_000) })).toBe("no error");
  });

  it("refuses a document nested deeper than 16 levels", async () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
    expect(await insert({ payload: nested(16) })).toContain("Document is too nested (nested 17 levels deep > maximum nesting 16)");
    expect(await insert({ payload: nested(15) })).toBe("no error");
  });

  it("refuses top-level field names with a leading underscore", async () => {
    expect(await insert({ payload: 1, _secret: 2 })).toContain("Field '_secret' starts with an underscore, which is only allowed for system fields like '_id'");
  });

  it("refuses arrays over 8,192 items and objects over 1,024 fields, in arguments and results", async () => {
    const args = await failureOf(http().query("bounds:echo" as never, { value: Array.from({ length: 8193 }, () => 0) } as never));
    expect(args).toContain("Array length is too long (8193 > maximum length 8192)");
    const fields = Object.fromEntries(Array.from({ length: 1025 }, (_, i) => [`f${i}`, i]));
    expect(await failureOf(http().query("bounds:echo" as never, { value: fields } as never))).toContain("Object has too many fields (1025 > maximum number 1024)");
    expect(await failureOf(http().query("bounds:longList" as never, { length: 8193 } as never))).toContain("Array length is too long (8193 > maximum length 8192)");
    expect(await http().query("bounds:longList" as never, { length: 8192 } as never)).toHaveLength(8192);
  });

  it("refuses more than 1,000 functions scheduled by one mutation", async () => {
    expect(await failureOf(http().mutation("bounds:scheduleMany" as never, { count: 1001 } as never))).toContain("Too many functions scheduled by this mutation (limit: 1000)");
  });

  it("refuses more than 16,000 writes in one mutation and rolls them back", async () => {
    const before = (await http().query("bounds:countAll" as never, {} as never)) as number;
    expect(await failureOf(http().mutation("bounds:insertMany" as never, { count: 16_001 } as never))).toContain("Too many writes in a single function execution (limit: 16000)");
    expect(await http().query("bounds:countAll" as never, {} as never)).toBe(before);
  });

  it("refuses to read more than 32,000 documents in one query", async () => {
    for (let i = 0; i < 4; i++) await http().mutation("bounds:insertMany" as never, { count: 8_001 } as never);
    expect(await failureOf(http().query("bounds:countAll" as never, {} as never))).toContain("Too many documents read in a single function execution (limit: 32000)");
  });
});

describe("the 1 s limit on queries and mutations", () => {
  const backend = new BackendProcess(FIXTURE_FUNCTIONS, [], {});
  const http = () => httpClient(backend.apiUrl);
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it("times a mutation out after 1 s of work and keeps none of its writes", async () => {
    const message = await failureOf(http().mutation("bounds:spinMutation" as never, { ms: 1500, marker: "too slow" } as never));
    expect(message).toContain("Function execution timed out (maximum duration: 1s)");
    const notes = (await http().query("notes:list" as never, { author: "spin" } as never)) as Array<{ body: string }>;
    expect(notes.map((n) => n.body)).not.toContain("too slow");
  });

  it("times a query out after 1 s of work", async () => {
    expect(await failureOf(http().query("bounds:spinQuery" as never, { ms: 1500 } as never))).toContain("Function execution timed out (maximum duration: 1s)");
    expect(await http().query("bounds:spinQuery" as never, { ms: 20 } as never)).toBe("done");
  });
});
