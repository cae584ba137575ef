import { describe, expect, it } from "vitest";
import { watchUnread } from "../../../src/messenger/unread";
import type { Gateway } from "../../../src/runtime/gateway";
import { createStore } from "../../../src/runtime/store";
import type { WidgetUiState } from "../../../src/runtime/ui-state";
import { createEmitter } from "../../../src/sdk/emitter";
import type { WidgetEvents } from "../../../src/sdk/types";

function following() {
  let push: (value: unknown) => void = () => {};
  const gateway = { watch: (_query: unknown, _args: unknown, onValue: (value: unknown) => void) => ((push = onValue), () => {}), mutate: async () => null } as unknown as Gateway;
  const assigned: string[] = [];
  const state = createStore({ unread: 0 } as WidgetUiState);
  watchUnread(gateway, state, createEmitter<WidgetEvents>(), (conversationId) => assigned.push(conversationId));
  const summary = (lastAssignment: { conversationId: string; assignedAt: number } | null) => push({ unreadCount: 0, latest: null, lastAssignment });
  return { summary, assigned, push };
}

describe("the unread summary's assignments", () => {
  it("tell of a member taking a conversation after the page loaded, once each", () => {
    const { summary, assigned } = following();
    summary({ conversationId: "c1", assignedAt: 100 }); // known at load: not news
    expect(assigned).toEqual([]);
    summary({ conversationId: "c1", assignedAt: 100 });
    summary({ conversationId: "c2", assignedAt: 250 });
    summary({ conversationId: "c2", assignedAt: 250 });
    expect(assigned).toEqual(["c2"]);
  });

  it("hear nothing from a backend that does not report assignments", () => {
    const { assigned, push, summary } = following();
    push({ unreadCount: 0, latest: null });
    push({ unreadCount: 1, latest: null });
    expect(assigned).toEqual([]);
    // The first assignment the page hears of after load is news, even with no baseline before it.
    summary({ conversationId: "c9", assignedAt: 5 });
    expect(assigned).toEqual(["c9"]);
  });
});
