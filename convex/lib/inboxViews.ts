import type { Doc, Id } from "../_generated/dataModel";
import { visitorDisplayName } from "./visitorNames";

/** Shapes the inbox receives, built field by field so internal columns never leak. */

export type InboxConversation = {
  _id: Id<"conversations">;
  status: Doc<"conversations">["status"];
  lastMessageAt: number;
  /** Raw message text (markdown); the inbox shows it as plain text. */
  lastMessagePreview: string;
  unreadCount: number;
  visitorName: string;
  /** The visitor's id: custom apps receive it as the chat's `customerId`. */
  visitorId: Id<"visitors">;
  assignee: { userId: Id<"users">; name: string } | null;
  supportTeam: { id: Id<"supportTeams">; name: string } | null;
  /** Absent unless snoozed: when it comes back to the open list. */
  snoozedUntil: number | null;
  readByVisitorAt: number | null;
  readByAgentAt: number | null;
  /** The visitor's last heartbeat; the inbox reads "online" against its own clock. */
  visitorLastSeenAt: number | null;
  visitorDevice: Doc<"visitors">["device"] | null;
  /** The outside platform (telegram, viber…) of a chat that came through a gateway; null for the widget's. */
  platform: string | null;
};

export function inboxConversation(
  conversation: Doc<"conversations">,
  visitor: Doc<"visitors"> | null,
  assignee: Doc<"members"> | null,
  team: Doc<"supportTeams"> | null,
  platform: string | null = null,
): InboxConversation {
  return {
    _id: conversation._id,
    status: conversation.status,
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    unreadCount: conversation.unreadByAgent,
    visitorName: visitorDisplayName(visitor, conversation.visitorId),
    visitorId: conversation.visitorId,
    assignee: assignee === null ? null : { userId: assignee.userId, name: assignee.name },
    supportTeam: team === null ? null : { id: team._id, name: team.name },
    snoozedUntil: conversation.snoozedUntil ?? null,
    readByVisitorAt: conversation.readByVisitorAt ?? null,
    readByAgentAt: conversation.readByAgentAt ?? null,
    visitorLastSeenAt: visitor?.lastSeenAt ?? null,
    visitorDevice: visitor?.device ?? null,
    platform,
  };
}

export type InboxNote = { _id: Id<"conversationNotes">; authorName: string; body: string; createdAt: number };

export function inboxNote(note: Doc<"conversationNotes">): InboxNote {
  return { _id: note._id, authorName: note.authorName, body: note.body, createdAt: note.createdAt };
}
