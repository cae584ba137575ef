import type { InboxMessage } from "../../../convex/inboxMessages";
import type { InboxNote } from "../../../convex/lib/inboxViews";

export type TimelineEntry = { kind: "message"; message: InboxMessage } | { kind: "note"; note: InboxNote };

/** Messages and internal notes in one column, oldest first. */
export function timeline(messages: readonly InboxMessage[], notes: readonly InboxNote[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...messages.map((message) => ({ kind: "message" as const, message })),
    ...notes.map((note) => ({ kind: "note" as const, note })),
  ];
  const at = (entry: TimelineEntry) => (entry.kind === "message" ? entry.message.createdAt : entry.note.createdAt);
  return entries.sort((a, b) => at(a) - at(b));
}

/** The team's last message, if the visitor has read the conversation since it was sent. */
export function seenMessageId(messages: readonly InboxMessage[], readByVisitorAt: number | null): string | null {
  if (readByVisitorAt === null) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.senderType === "agent" || message.senderType === "bot") return message.createdAt <= readByVisitorAt ? message._id : null;
  }
  return null;
}
