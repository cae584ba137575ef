// Full-text search as Convex answers it: ranked by relevance (BM25), not insertion order, and
// only the last term of a query matches as a prefix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, httpClient } from "../support/backend-process";

describe("full-text search", () => {
  const backend = new BackendProcess();
  const search = (query: string, channel: string) => httpClient(backend.apiUrl).query("posts:search" as never, { query, channel } as never) as Promise<string[]>;
  beforeAll(async () => {
    await backend.start();
    const http = httpClient(backend.apiUrl);
    for (const text of ["a note about cats and other animals", "dogs dogs dogs", "dogs and cats", "helloworld", "hello there world"]) {
      await http.mutation("posts:add" as never, { text, channel: "main" } as never);
    }
    await http.mutation("posts:add" as never, { text: "dogs elsewhere", channel: "other" } as never);
  });
  afterAll(() => backend.dispose());

  it("ranks by relevance, not insertion order", async () => {
    expect(await search("dogs", "main")).toEqual(["dogs dogs dogs", "dogs and cats"]);
    expect((await search("cats dogs", "main"))[0]).toBe("dogs and cats");
  });

  it("matches only the last term as a prefix", async () => {
    expect(await search("hello world", "main")).toEqual(["hello there world"]);
    expect(await search("hello wor", "main")).toEqual(["hello there world"]);
    expect(await search("hell", "main")).toEqual(expect.arrayContaining(["helloworld", "hello there world"]));
  });

  it("applies the index's equality filters", async () => {
    expect(await search("dogs", "other")).toEqual(["dogs elsewhere"]);
  });
});
