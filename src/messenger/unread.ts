import * as v from "valibot";
import type { Gateway } from "../runtime/gateway";
import { backend } from "../runtime/functions";
import type { Store } from "../runtime/store";
import { parse } from "../runtime/wire";
import type { Emitter } from "../sdk/emitter";
import type { WidgetEvents } from "../sdk/types";
import type { WidgetUiState } from "../runtime/ui-state";

const summary = v.object({
  unreadCount: v.number(),
  latest: v.nullable(
    v.object({
      id: v.string(),
      conversationId: v.string(),
      senderType: v.picklist(["agent", "bot"]),
      senderName: v.nullable(v.string()),
      body: v.string(),
      createdAt: v.number(),
    }),
  ),
  // Optional: a backend from before assignments were reported leaves it out.
  lastAssignment: v.optional(v.nullable(v.object({ conversationId: v.string(), assignedAt: v.number() }))),
});

/**
 * Follows the visitor's unread summary (messenger:unreadSummary): the launcher badge, and
 * the `unreadCountChange` and `messageReceived` events. A received message is one that
 * raises the count after the first value (the count at page load is not news). Likewise
 * `onAssigned` hears of a member taking one of the visitor's conversations after that.
 */
export function watchUnread(
  gateway: Gateway,
  state: Store<WidgetUiState>,
  emitter: Emitter<WidgetEvents>,
  onAssigned: (conversationId: string) => void = () => {},
): () => void {
  let known = false;
  let assignedAt = 0;
  return gateway.watch(backend.messenger.unreadSummary, {}, (value) => {
    let next: v.InferOutput<typeof summary>;
    try {
      next = parse(summary, value, "unread summary");
    } catch {
      return; // a malformed value changes nothing on screen
    }
    const unreadCount = Math.max(0, Math.floor(next.unreadCount));
    const previous = state.get().unread;
    state.set({ unread: unreadCount });
    if (unreadCount !== previous) emitter.emit("unreadCountChange", { unreadCount });
    if (known && unreadCount > previous && next.latest) emitter.emit("messageReceived", { unreadCount, message: next.latest });
    const assignment = next.lastAssignment ?? null;
    if (assignment !== null && assignment.assignedAt > assignedAt) {
      if (known) onAssigned(assignment.conversationId);
      assignedAt = assignment.assignedAt;
    }
    known = true;
  });
}
