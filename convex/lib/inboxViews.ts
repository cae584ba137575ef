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
  assignee: { userId: Id<"users">; name: string } | null;
  readByVisitorAt: number | null;
  readByAgentAt: number | null;
  /** The outside platform (telegram, viber…) of a chat that came through a gateway; null for the widget's. */
  platform: string | null;
};

export function inboxConversation(
  conversation: Doc<"conversations">,
  visitor: Doc<"visitors"> | null,
  assignee: Doc<"members"> | null,
  platform: string | null = null,
): InboxConversation {
  return {
    _id: conversation._id,
    status: conversation.status,
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    unreadCount: conversation.unreadByAgent,
    visitorName: visitorDisplayName(visitor, conversation.visitorId),
    assignee: assignee === null ? null : { userId: assignee.userId, name: assignee.name },
    readByVisitorAt: conversation.readByVisitorAt ?? null,
    readByAgentAt: conversation.readByAgentAt ?? null,
    platform,
  };
}

export type InboxNote = { _id: Id<"conversationNotes">; authorName: string; body: string; createdAt: number };

export function inboxNote(note: Doc<"conversationNotes">): InboxNote {
  return { _id: note._id, authorName: note.authorName, body: note.body, createdAt: note.createdAt };
}
