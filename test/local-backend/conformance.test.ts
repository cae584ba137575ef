// Drives the unmodified ConvexClient and ConvexHttpClient against the local backend running
// the fixture app, the way the widget and the REST tooling use a real deployment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConvexClient } from "convex/browser";
import { BackendProcess, client, httpClient, waitForValue } from "../support/backend-process";

type Note = { id: string; body: string; author: string | null };
const call = <T>(c: ConvexClient, kind: "query" | "mutation" | "action", name: string, args: Record<string, unknown> = {}) =>
  (c[kind] as (n: never, a: never) => Promise<T>)(name as never, args as never);

describe("local backend speaks Convex's protocols", () => {
  const backend = new BackendProcess();
  let writer: ConvexClient;
  let reader: ConvexClient;

  beforeAll(async () => {
    await backend.start();
    writer = client(backend.apiUrl);
    reader = client(backend.apiUrl);
  });
  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    await backend.dispose();
  });

  it("pushes a live update after another client's mutation", async () => {
    const seen = waitForValue<Note[]>(reader, "notes:list", { author: "live" }, (notes) => notes.some((n) => n.body === "from writer"));
    await call(writer, "mutation", "notes:add", { body: "from writer", author: "live" });
    expect((await seen).map((n) => n.body)).toEqual(["from writer"]);
  });

  it("resolves a mutation only when its write is visible to the caller's subscriptions", async () => {
    const args = { author: "visible" };
    await waitForValue<Note[]>(writer, "notes:list", args, (notes) => notes.length === 0);
    const unsubscribe = writer.onUpdate("notes:list" as never, args as never, () => undefined);
    for (let i = 0; i < 5; i++) {
      await call(writer, "mutation", "notes:add", { body: `v${i}`, author: "visible" });
      const local = writer.client.localQueryResult("notes:list", args) as Note[] | undefined;
      expect(local?.map((n) => n.body)).toContain(`v${i}`);
    }
    unsubscribe();
  });

  it("delivers ConvexError data and readable validation errors", async () => {
    const refusal = await call(writer, "mutation", "notes:refuse", { reason: "closed" }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ data: { code: "REFUSED", reason: "closed" } });
    const invalid = (await call(writer, "mutation", "notes:add", { body: 42 }).catch((e: unknown) => e)) as Error;
    expect(invalid.message).toMatch(/ArgumentValidationError/);
    expect(invalid.message).toMatch(/body/);
    const crash = (await call(writer, "query", "notes:crash").catch((e: unknown) => e)) as Error & { data?: unknown };
    expect(crash.message).toMatch(/plain failure/);
    expect(crash.data).toBeUndefined();
  });

  it("refuses internal and unknown functions to clients", async () => {
    await expect(call(writer, "mutation", "notes:secret")).rejects.toThrow(/Could not find public function for 'notes:secret'/);
    await expect(call(writer, "query", "nope:nothing")).rejects.toThrow(/Could not find public function/);
    await expect(httpClient(backend.apiUrl).mutation("notes:secret" as never, {} as never)).rejects.toThrow(/Could not find public function/);
  });

  it("refuses fetch inside a mutation, as Convex does", async () => {
    await expect(call(writer, "mutation", "notes:tryFetch")).rejects.toThrow(/not supported in Convex queries or mutations/);
  });

  it("runs an action that calls runMutation", async () => {
    const id = await call<string>(writer, "action", "actions:addViaAction", { body: "via action" });
    const notes = await call<Note[]>(reader, "query", "notes:list", { author: "action" });
    expect(notes.map((n) => n.id)).toEqual([id]);
  });

  it("runs actions concurrently", async () => {
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => call(writer, "action", "actions:slow", { ms: 400 })));
    expect(Date.now() - started).toBeLessThan(1100);
  });

  it("pushes the update of a function scheduled 300 ms later", async () => {
    const started = Date.now();
    const seen = waitForValue<Note[]>(reader, "notes:list", { author: "scheduler" }, (notes) => notes.some((n) => n.body === "later"));
    await call(writer, "mutation", "actions:scheduleNote", { body: "later", delayMs: 300 });
    await seen;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("does not run a function scheduled 25 days out at once (beyond Node's 2^31 ms timer limit)", async () => {
    await call(writer, "mutation", "actions:scheduleNote", { body: "next month", delayMs: 2 ** 31 + 60_000 });
    await call(writer, "mutation", "actions:scheduleNote", { body: "soon", delayMs: 50 });
    await waitForValue<Note[]>(reader, "notes:list", { author: "scheduler" }, (notes) => notes.some((n) => n.body === "soon"));
    await new Promise((r) => setTimeout(r, 200));
    const notes = await call<Note[]>(reader, "query", "notes:list", { author: "scheduler" });
    expect(notes.map((n) => n.body)).not.toContain("next month");
  });

  it("fires crons from crons.ts", async () => {
    const ticks = await waitForValue<number>(reader, "ticks:count", {}, (count) => count >= 1, 5_000);
    expect(ticks).toBeGreaterThanOrEqual(1);
  });

  it("keeps a paginated page's end stable when rows are inserted", async () => {
    for (const n of [0, 2, 4, 6, 8, 10, 12]) await call(writer, "mutation", "items:insert", { n });
    const args = { paginationOpts: { numItems: 4, cursor: null } };
    type Page = { page: Array<{ n: number }>; isDone: boolean };
    const first = await waitForValue<Page>(reader, "items:page", args, (p) => p.page.length > 0);
    expect(first.page.map((i) => i.n)).toEqual([0, 2, 4, 6]);
    const grown = waitForValue<Page>(reader, "items:page", args, (p) => p.page.length === 5);
    const unsubscribe = reader.onUpdate("items:page" as never, args as never, () => undefined);
    await call(writer, "mutation", "items:insert", { n: 3 });
    await call(writer, "mutation", "items:insert", { n: 7 });
    expect((await grown).page.map((i) => i.n)).toEqual([0, 2, 3, 4, 6]);
    unsubscribe();
  });

  it("uploads a file and serves it back", async () => {
    const uploadUrl = await call<string>(writer, "mutation", "files:uploadUrl");
    expect(uploadUrl.startsWith(backend.apiUrl)).toBe(true);
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const response = await fetch(uploadUrl, { method: "POST", headers: { "content-type": "image/png" }, body: bytes });
    const { storageId } = (await response.json()) as { storageId: string };
    await call(writer, "mutation", "files:save", { storageId, name: "logo" });
    const url = await call<string>(reader, "query", "files:url", { name: "logo" });
    const download = await fetch(url);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect((await fetch(uploadUrl, { method: "POST", body: bytes })).status).toBe(401);
  });

  it("keeps parallel uploads and concurrent mutations apart", async () => {
    const writes = Array.from({ length: 20 }, (_, i) => call(writer, "mutation", "notes:add", { body: `during upload ${i}`, author: "uploads" }));
    const uploads = Array.from({ length: 8 }, async (_, i) => {
      const uploadUrl = await call<string>(writer, "mutation", "files:uploadUrl");
      const response = await fetch(uploadUrl, { method: "POST", headers: { "content-type": "text/plain" }, body: `file ${i}` });
      expect(response.status).toBe(200);
      const { storageId } = (await response.json()) as { storageId: string };
      await call(writer, "mutation", "files:save", { storageId, name: `parallel-${i}` });
      const url = await call<string | null>(reader, "query", "files:url", { name: `parallel-${i}` });
      return url === null ? null : (await fetch(url)).text();
    });
    expect(await Promise.all(uploads)).toEqual(Array.from({ length: 8 }, (_, i) => `file ${i}`));
    await Promise.all(writes);
    expect(await call<Note[]>(reader, "query", "notes:list", { author: "uploads" })).toHaveLength(20);
  });

  it("runs the rate-limiter component and refuses a call over its limit", async () => {
    for (let i = 0; i < 3; i++) expect(await call(writer, "mutation", "limited:hit", { key: "k" })).toBe("allowed");
    const refused = await call(writer, "mutation", "limited:hit", { key: "k" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ data: { code: "RATE_LIMITED" } });
    expect(await call(writer, "mutation", "limited:hit", { key: "other" })).toBe("allowed");
  });

  it("serves HTTP actions with the real URL, method, headers and body", async () => {
    const response = await fetch(`${backend.siteUrl}/echo?x=1`, { method: "POST", headers: { "x-fixture": "yes" }, body: "payload" });
    expect(await response.json()).toEqual({ url: `${backend.siteUrl}/echo?x=1`, method: "POST", header: "yes", body: "payload" });
    expect((await fetch(`${backend.siteUrl}/missing`)).status).toBe(404);
  });

  it("answers the HTTP API with Convex's shapes", async () => {
    const http = httpClient(backend.apiUrl);
    expect(await http.query("notes:logged" as never, {} as never)).toBe("ok");
    const raw = await fetch(`${backend.apiUrl}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path: "notes:logged", format: "convex_encoded_json", args: [{}] }) });
    expect(await raw.json()).toEqual({ status: "success", value: "ok", logLines: ["[LOG] 'hello from a query'"] });
    const failed = await fetch(`${backend.apiUrl}/api/mutation`, { method: "POST", body: JSON.stringify({ path: "notes:refuse", args: [{ reason: "x" }] }) });
    expect(failed.status).toBe(560);
    expect(await failed.json()).toMatchObject({ status: "error", errorData: { code: "REFUSED", reason: "x" } });
    const malformed = await fetch(`${backend.apiUrl}/api/query`, { method: "POST", body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe("BadJsonBody");
  });
});
