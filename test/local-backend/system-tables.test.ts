// System tables and the HTTP API as a Convex deployment shows them: a failed scheduled job
// says why in `state.error`, `_storage` documents keep the upload's content type, and a
// function name with its module's `.js` extension names the same function.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, httpClient } from "../support/backend-process";

describe("system tables and function paths", () => {
  const backend = new BackendProcess();
  const http = () => httpClient(backend.apiUrl);
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it("records why a scheduled job failed", async () => {
    const id = await http().mutation("system:scheduleExplosion" as never, {} as never);
    type Job = { state: { kind: string; error?: string } } | null;
    const read = async () => (await http().query("system:job" as never, { id } as never)) as Job;
    let job = await read();
    for (let i = 0; i < 100 && job?.state.kind !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await read();
    }
    expect(job?.state).toEqual({ kind: "failed", error: expect.stringContaining("scheduled boom") });
  });

  it("keeps an upload's content type in its _storage document", async () => {
    const uploadUrl = (await http().mutation("files:uploadUrl" as never, {} as never)) as string;
    const response = await fetch(uploadUrl, { method: "POST", headers: { "content-type": "image/png" }, body: new Uint8Array([1, 2, 3]) });
    const { storageId } = (await response.json()) as { storageId: string };
    const doc = (await http().query("system:storedFile" as never, { id: storageId } as never)) as { contentType: string | null; size: number };
    expect(doc).toMatchObject({ contentType: "image/png", size: 3 });
  });

  it("accepts function paths with the module's .js extension", async () => {
    await http().mutation("notes.js:add" as never, { body: "dotted", author: "js-path" } as never);
    const notes = (await http().query("notes.js:list" as never, { author: "js-path" } as never)) as Array<{ body: string }>;
    expect(notes.map((n) => n.body)).toEqual(["dotted"]);
  });
});
