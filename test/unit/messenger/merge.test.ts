import { describe, expect, it } from "vitest";
import { mergeMessages } from "../../../src/messenger/merge";
import type { ServerMessage } from "../../../src/messenger/wire";
import type { OutboxEntry } from "../../../src/runtime/outbox";

const server = (id: string, createdAt: number, extra: Partial<ServerMessage> = {}): ServerMessage => ({
  _id: id,
  conversationId: "c1",
  senderType: "agent",
  body: `server ${id}`,
  createdAt,
  ...extra,
});

const pending = (clientMessageId: string, createdAt: number, status: OutboxEntry["status"] = "queued"): OutboxEntry => ({
  clientMessageId,
  conversationKey: "c1",
  body: `local ${clientMessageId}`,
  createdAt,
  status,
});

describe("mergeMessages", () => {
  it("shows the optimistic bubble until the server has the message", () => {
    const shown = mergeMessages([server("m1", 1)], [pending("cm-1", 2, "sending")]);
    expect(shown.map((m) => [m.body, m.delivery])).toEqual([
      ["server m1", "delivered"],
      ["local cm-1", "sending"],
    ]);
  });

  it("replaces the optimistic bubble by the server copy, never both", () => {
    const shown = mergeMessages(
      [server("m1", 1), server("m2", 5, { senderType: "visitor", clientMessageId: "cm-1", body: "hi" })],
      [pending("cm-1", 4, "sent")],
    );
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ body: "hi", delivery: "delivered", key: "cm-1" });
  });

  it("keeps the bubble's key across the switch so the element is reused", () => {
    const before = mergeMessages([], [pending("cm-9", 1, "sending")]);
    const after = mergeMessages([server("m9", 2, { senderType: "visitor", clientMessageId: "cm-9" })], []);
    expect(after[0]?.key).toBe(before[0]?.key);
  });

  it("drops duplicated server rows (same _id or same clientMessageId)", () => {
    const shown = mergeMessages(
      [
        server("m1", 1),
        server("m1", 1),
        server("m2", 2, { clientMessageId: "x" }),
        server("m3", 3, { clientMessageId: "x" }),
      ],
      [],
    );
    expect(shown.map((m) => m.key)).toEqual(["m1", "x"]);
  });

  it("orders server messages by time and puts unconfirmed ones last, in the order written", () => {
    const shown = mergeMessages(
      [server("late", 30), server("early", 10)],
      [pending("b", 20), pending("a", 5, "failed")],
    );
    expect(shown.map((m) => m.key)).toEqual(["early", "late", "b", "a"]);
    expect(shown[3]?.delivery).toBe("failed");
  });

  it("works before the server list has loaded", () => {
    expect(mergeMessages(undefined, [pending("a", 1)]).map((m) => m.key)).toEqual(["a"]);
  });
});
