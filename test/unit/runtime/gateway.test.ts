import { describe, expect, it, vi } from "vitest";
import { backend } from "../../../src/runtime/functions";
import { createGateway } from "../../../src/runtime/gateway";
import { createSession } from "../../../src/runtime/session";
import { memoryStore } from "../../../src/runtime/storage";
import { createTimers } from "../../../src/runtime/timers";
import { convexError, FakeClient, flush } from "../helpers/fake-client";

function setup() {
  const client = new FakeClient();
  let issued = 0;
  client.on("widgetSessions:boot", () => ({
    sessionToken: `wst_${++issued}`,
    expiresAt: Date.now() + 3_600_000,
    visitorId: "v1",
    settings: {},
  }));
  const timers = createTimers();
  const session = createSession({
    workspaceId: "demo",
    storage: memoryStore(),
    timers,
    callBoot: (args) => client.action(backend.widgetSessions.boot, args),
    callRefresh: (args) => client.action(backend.widgetSessions.refresh, args),
    bootContext: () => ({}),
    onFatal: () => {},
  });
  return { client, session, gateway: createGateway(client, session), timers };
}

describe("gateway", () => {
  it("adds the session token to mutations, booting first if needed", async () => {
    const { client, gateway } = setup();
    client.on("events:track", () => null);
    await gateway.mutate(backend.events.track, { name: "clicked" });
    expect(client.callsTo("events:track")[0]?.args).toEqual({ name: "clicked", sessionToken: "wst_1" });
  });

  it("re-boots and retries once when the token is refused", async () => {
    const { client, gateway } = setup();
    const seen: string[] = [];
    client.on("messages:send", (args) => {
      seen.push(String(args.sessionToken));
      if (args.sessionToken === "wst_1") throw convexError({ code: "UNAUTHENTICATED", message: "expired" });
      return { conversationId: "c1", messageId: "m1" };
    });
    await expect(gateway.mutate(backend.messages.send, { body: "hi", clientMessageId: "x" })).resolves.toEqual({
      conversationId: "c1",
      messageId: "m1",
    });
    expect(seen).toEqual(["wst_1", "wst_2"]);
    expect(client.callsTo("widgetSessions:boot")).toHaveLength(2);
  });

  it("passes other errors through", async () => {
    const { client, gateway } = setup();
    client.on("messages:send", () => {
      throw convexError({ code: "INVALID_ARGUMENT", message: "too long", field: "body" });
    });
    await expect(gateway.mutate(backend.messages.send, { body: "x", clientMessageId: "y" })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT" },
    });
  });

  it("subscribes once booted and follows token changes", async () => {
    const { client, gateway, session } = setup();
    const values: unknown[] = [];
    const stop = gateway.watch(backend.messenger.unreadSummary, {}, (value) => values.push(value));
    expect(client.active("messenger:unreadSummary")).toHaveLength(0);
    await session.ready();
    await flush();
    const [first] = client.active("messenger:unreadSummary");
    expect(first?.args).toEqual({ sessionToken: "wst_1" });
    first?.onValue(3);
    expect(values).toEqual([3]);

    await session.reboot("wst_1");
    const active = client.active("messenger:unreadSummary");
    expect(active.map((s) => s.args.sessionToken)).toEqual(["wst_2"]);

    stop();
    expect(client.active("messenger:unreadSummary")).toHaveLength(0);
  });

  it("re-boots when a live query is refused, and reports other query errors", async () => {
    const { client, gateway, session } = setup();
    await session.ready();
    const onError = vi.fn();
    gateway.watch(backend.conversations.listForVisitor, {}, () => {}, onError);
    client.active("conversations:listForVisitor")[0]?.onError?.(convexError({ code: "UNAUTHENTICATED", message: "x" }));
    await flush();
    expect(session.current()?.token).toBe("wst_2");
    expect(onError).not.toHaveBeenCalled();
    expect(client.active("conversations:listForVisitor").map((s) => s.args.sessionToken)).toEqual(["wst_2"]);

    client.active("conversations:listForVisitor")[0]?.onError?.(new Error("Server Error"));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
