import { describe, expect, it } from "vitest";
import { createOutbox } from "../../../src/runtime/outbox";
import { browserStore, forgetVisitor, memoryStore, storageKeys } from "../../../src/runtime/storage";

describe("forgetVisitor (logout)", () => {
  it("removes the sessionId and every key of that visitor, and nothing else", () => {
    const store = browserStore(() => localStorage);
    localStorage.clear();
    store.set(storageKeys.sessionId("demo"), "s-1");
    store.set(storageKeys.settings("demo"), "{}");
    store.set(storageKeys.outbox("demo", "v1"), "[]");
    store.set("opencom:demo:v1:overlays", "{}");
    store.set("opencom:demo:v10:outbox", "[]"); // another visitor whose id starts alike
    store.set("opencom:other:v1:outbox", "[]"); // another workspace
    store.set("host-app-key", "kept");
    forgetVisitor(store, "demo", "v1");
    expect(Object.keys(localStorage).sort()).toEqual(["host-app-key", "opencom:demo:settings", "opencom:demo:v10:outbox", "opencom:other:v1:outbox"]);
  });

  it("still forgets the sessionId before any visitor is known, and works on the in-memory fallback", () => {
    const store = memoryStore();
    store.set(storageKeys.sessionId("demo"), "s-1");
    forgetVisitor(store, "demo", null);
    expect(store.keys()).toEqual([]);
    const broken = browserStore(() => {
      throw new Error("storage disabled");
    });
    broken.set(storageKeys.outbox("demo", "v1"), "[]");
    forgetVisitor(broken, "demo", "v1");
    expect(broken.keys()).toEqual([]);
  });
});

describe("outbox.discard", () => {
  it("drops every entry and never writes the old key again", () => {
    const store = memoryStore();
    const outbox = createOutbox(store);
    outbox.attach(storageKeys.outbox("demo", "v1"));
    const entry = outbox.add("c1", "Alice's unsent message");
    outbox.add("c1", "another");
    outbox.markSending(entry.clientMessageId);
    expect(store.keys()).toEqual([storageKeys.outbox("demo", "v1")]);
    outbox.discard();
    expect(outbox.entries()).toEqual([]);
    outbox.markSent(entry.clientMessageId, "c1"); // an in-flight send finishing late
    expect(store.keys()).toEqual([]);
  });
});
