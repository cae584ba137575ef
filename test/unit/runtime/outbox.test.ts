import { describe, expect, it } from "vitest";
import { createOutbox, isLocalKey, newLocalKey } from "../../../src/runtime/outbox";
import { memoryStore } from "../../../src/runtime/storage";

const KEY = "opencom:demo:v1:outbox";

function clock() {
  let t = 1000;
  return () => ++t;
}

describe("outbox", () => {
  it("keeps messages in the order written", () => {
    const outbox = createOutbox(memoryStore(), clock());
    outbox.add("c1", "one");
    outbox.add("c1", "two");
    outbox.add("c2", "three");
    expect(outbox.entries().map((e) => e.body)).toEqual(["one", "two", "three"]);
    expect(outbox.nextToSend()?.body).toBe("one");
    expect(outbox.forConversation("c1").map((e) => e.body)).toEqual(["one", "two"]);
  });

  it("gives every message its own clientMessageId", () => {
    const outbox = createOutbox(memoryStore(), clock());
    const ids = new Set([outbox.add("c1", "a"), outbox.add("c1", "b")].map((e) => e.clientMessageId));
    expect(ids.size).toBe(2);
  });

  it("persists unsent messages once attached, and a reload finds them in order", () => {
    const storage = memoryStore();
    const first = createOutbox(storage, clock());
    first.add("c1", "written before boot");
    first.attach(KEY);
    const second = first.add("c1", "written after boot");
    first.markSending(second.clientMessageId);

    const reloaded = createOutbox(storage, clock());
    reloaded.attach(KEY);
    expect(reloaded.entries().map((e) => [e.body, e.status])).toEqual([
      ["written before boot", "queued"],
      ["written after boot", "queued"], // "sending" is sent again after a reload
    ]);
  });

  it("puts stored messages before ones written before boot", () => {
    const storage = memoryStore();
    const earlier = createOutbox(storage, clock());
    earlier.attach(KEY);
    earlier.add("c1", "from the previous page");

    const outbox = createOutbox(storage, () => 5_000);
    outbox.add("c1", "typed while booting");
    outbox.attach(KEY);
    expect(outbox.entries().map((e) => e.body)).toEqual(["from the previous page", "typed while booting"]);
  });

  it("drops sent messages from storage and forgets them once the server list shows them", () => {
    const storage = memoryStore();
    const outbox = createOutbox(storage, clock());
    outbox.attach(KEY);
    const entry = outbox.add("c1", "hello");
    outbox.markSent(entry.clientMessageId, "c1");
    expect(storage.get(KEY)).toBeNull();
    expect(outbox.entries()).toHaveLength(1); // still shown until the list catches up
    outbox.confirm(new Set([entry.clientMessageId]));
    expect(outbox.entries()).toHaveLength(0);
  });

  it("routes later messages of a new conversation to the id the first one created", () => {
    const outbox = createOutbox(memoryStore(), clock());
    const local = newLocalKey();
    expect(isLocalKey(local)).toBe(true);
    const first = outbox.add(local, "first");
    outbox.add(local, "second");
    outbox.markSent(first.clientMessageId, "conv-9");
    expect(outbox.resolve(local)).toBe("conv-9");
    expect(outbox.entries().map((e) => e.conversationKey)).toEqual(["conv-9", "conv-9"]);
    expect(outbox.forConversation(local)).toHaveLength(2);
    expect(outbox.add(local, "third").conversationKey).toBe("conv-9");
  });

  it("moves a retried message to the back of the queue", () => {
    const outbox = createOutbox(memoryStore(), clock());
    const failed = outbox.add("c1", "failed one");
    outbox.add("c1", "next");
    outbox.markFailed(failed.clientMessageId, "nope");
    expect(outbox.nextToSend()?.body).toBe("next");
    outbox.retry(failed.clientMessageId);
    const entries = outbox.entries();
    expect(entries.map((e) => e.body)).toEqual(["next", "failed one"]);
    expect(entries[1]).toMatchObject({ status: "queued" });
    expect(entries[1]).not.toHaveProperty("error");
  });

  it("keeps failed messages across reloads so the visitor can retry", () => {
    const storage = memoryStore();
    const outbox = createOutbox(storage, clock());
    outbox.attach(KEY);
    outbox.markFailed(outbox.add("c1", "x").clientMessageId, "refused");
    const reloaded = createOutbox(storage, clock());
    reloaded.attach(KEY);
    expect(reloaded.entries()[0]).toMatchObject({ status: "failed", error: "refused" });
  });

  it("ignores corrupt storage", () => {
    const storage = memoryStore();
    storage.set(KEY, JSON.stringify([{ nonsense: true }, { clientMessageId: "a", conversationKey: "c", body: "ok", createdAt: 1, status: "queued" }]));
    const outbox = createOutbox(storage);
    outbox.attach(KEY);
    expect(outbox.entries().map((e) => e.body)).toEqual(["ok"]);
    storage.set("other", "{not json");
    const other = createOutbox(storage);
    other.attach("other");
    expect(other.entries()).toEqual([]);
  });
});
