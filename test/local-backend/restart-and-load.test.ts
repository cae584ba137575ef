// The backend under stress: a crash in the middle of a stream of mutations, and many clients
// writing at once. Nothing may be lost, nothing applied twice, every client must see it all.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ConvexClient } from "convex/browser";
import { BackendProcess, client, waitForValue } from "../support/backend-process";

type Note = { id: string; body: string; author: string | null; createdAt: number };
const add = (c: ConvexClient, body: string, author: string) => c.mutation("notes:add" as never, { body, author } as never) as Promise<string>;

describe("restart", () => {
  const backend = new BackendProcess();
  const clients: ConvexClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await backend.dispose();
  });

  it("reconnects clients after a crash with no data lost and no mutation applied twice", async () => {
    await backend.start();
    const writer = client(backend.apiUrl);
    const watcher = client(backend.apiUrl);
    clients.push(writer, watcher);
    const before = await Promise.all([0, 1, 2].map((i) => add(writer, `before-${i}`, "restart")));
    const beforeNotes = await waitForValue<Note[]>(watcher, "notes:list", { author: "restart" }, (n) => n.length === 3);

    // Fire 20 mutations and crash the backend while they are in flight.
    const inFlight = Array.from({ length: 20 }, (_, i) => add(writer, `during-${i}`, "restart"));
    await new Promise((r) => setTimeout(r, 15));
    await backend.kill();
    await backend.start();

    const ids = await Promise.all(inFlight);
    const after = await waitForValue<Note[]>(watcher, "notes:list", { author: "restart" }, (n) => n.length >= 23, 30_000);
    expect(after).toHaveLength(23);
    expect(new Set(after.map((n) => n.body)).size).toBe(23);
    // Ids and creation times written before the crash survive it.
    for (const note of beforeNotes) expect(after).toContainEqual(note);
    expect(ids.filter((id) => id !== null).every((id) => after.some((n) => n.id === id))).toBe(true);
    expect(before.every((id) => after.some((n) => n.id === id))).toBe(true);
    // New documents keep getting fresh ids after the restart.
    const fresh = await add(writer, "after", "restart");
    expect(after.some((n) => n.id === fresh)).toBe(false);
  });
});

describe("load", () => {
  const backend = new BackendProcess();
  let clients: ConvexClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.close()));
    clients = [];
  });
  afterAll(() => backend.dispose());

  it("lets 50 clients × 20 mutations each see all 1,000 results", async () => {
    await backend.start();
    clients = Array.from({ length: 50 }, () => client(backend.apiUrl));
    const everyoneSeesAll = clients.map((c) => waitForValue<Note[]>(c, "notes:list", { author: "load" }, (n) => n.length >= 1000, 60_000));
    await Promise.all(clients.map(async (c, ci) => {
      for (let m = 0; m < 20; m++) await add(c, `c${ci}-m${m}`, "load");
    }));
    const views = await Promise.all(everyoneSeesAll);
    const expected = new Set(clients.flatMap((_, ci) => Array.from({ length: 20 }, (_, m) => `c${ci}-m${m}`)));
    for (const view of views) {
      expect(view).toHaveLength(1000);
      expect(new Set(view.map((n) => n.body))).toEqual(expected);
    }
  });
});
