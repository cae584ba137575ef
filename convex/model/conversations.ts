import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { afterMessage, newConversationCounters, type SenderType } from "../lib/conversationState";
import { appError } from "../lib/errors";
import { attachmentPreview } from "../lib/attachmentViews";
import type { Attachment } from "../lib/messengerValidators";

/**
 * The visitor's own conversation, or NOT_FOUND — the same answer for a
 * malformed id, an unknown id and someone else's conversation, so a visitor
 * cannot probe which conversations exist.
 */
export async function getVisitorConversation(
  db: DatabaseReader,
  visitor: Doc<"visitors">,
  conversationId: string,
): Promise<Doc<"conversations">> {
  const id = db.normalizeId("conversations", conversationId);
  const conversation = id === null ? null : await db.get("conversations", id);
  if (conversation === null || conversation.visitorId !== visitor._id) {
    throw appError("NOT_FOUND", "Conversation not found.");
  }
  return conversation;
}

/** A conversation of the workspace, or null for malformed, unknown or foreign ids. */
export async function findWorkspaceConversation(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  conversationId: string,
): Promise<Doc<"conversations"> | null> {
  const id = db.normalizeId("conversations", conversationId);
  const conversation = id === null ? null : await db.get("conversations", id);
  return conversation !== null && conversation.workspaceId === workspaceId ? conversation : null;
}

export async function startConversation(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  now: number,
): Promise<Doc<"conversations">> {
  const id = await db.insert("conversations", {
    workspaceId: visitor.workspaceId,
    visitorId: visitor._id,
    ...newConversationCounters(now),
  });
  const conversation = await db.get("conversations", id);
  if (conversation === null) throw new Error("Conversation vanished right after insert");
  return conversation;
}

export type NewMessage = {
  senderType: SenderType;
  body: string;
  createdAt: number;
  senderName?: string;
  senderAvatarUrl?: string;
  visitorId?: Id<"visitors">;
  clientMessageId?: string;
  attachments?: Attachment[];
  bot?: NonNullable<Doc<"messages">["bot"]>;
};

/** Inserts a message and updates the conversation's preview, time and unread counts. */
export async function appendMessage(
  db: DatabaseWriter,
  conversation: Doc<"conversations">,
  message: NewMessage,
): Promise<Doc<"messages">> {
  const messageId = await db.insert("messages", {
    ...message,
    conversationId: conversation._id,
    workspaceId: conversation.workspaceId,
  });
  // A message that is only files is previewed by their names.
  const preview = message.body || attachmentPreview(message.attachments);
  // A visitor writing wakes a snoozed conversation: they are waiting now.
  const wake = message.senderType === "visitor" && conversation.snoozedUntil !== undefined ? { snoozedUntil: undefined } : {};
  await db.patch("conversations", conversation._id, { ...afterMessage(conversation, { ...message, body: preview }), ...wake });
  const inserted = await db.get("messages", messageId);
  if (inserted === null) throw new Error("Message vanished right after insert");
  return inserted;
}

/** The most recent `limit` messages of a conversation, oldest first. */
export async function recentMessages(
  db: DatabaseReader,
  conversationId: Id<"conversations">,
  limit: number,
): Promise<Doc<"messages">[]> {
  const newestFirst = await db
    .query("messages")
    .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversationId))
    .order("desc")
    .take(limit);
  return newestFirst.reverse();
}
