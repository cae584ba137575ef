import type { Doc, Id } from "../_generated/dataModel";

/**
 * The shapes functions hand out. Built field by field so internal columns
 * (workspace ids, visitor ids on messages) never leak by accident.
 */

export type WidgetMessage = {
  _id: Id<"messages">;
  conversationId: Id<"conversations">;
  senderType: Doc<"messages">["senderType"];
  senderName?: string;
  senderAvatarUrl?: string;
  body: string;
  clientMessageId?: string;
  /** A bot's rich response (core/bots ShownResponse), when it shows, and whether the visitor picked a choice. */
  bot?: { response: unknown; showAt: number; answered: boolean };
  createdAt: number;
};

export function widgetMessage(message: Doc<"messages">): WidgetMessage {
  const view: WidgetMessage = {
    _id: message._id,
    conversationId: message.conversationId,
    senderType: message.senderType,
    body: message.body,
    createdAt: message.createdAt,
  };
  if (message.senderName !== undefined) view.senderName = message.senderName;
  if (message.senderAvatarUrl !== undefined) view.senderAvatarUrl = message.senderAvatarUrl;
  if (message.clientMessageId !== undefined) view.clientMessageId = message.clientMessageId;
  if (message.bot !== undefined) view.bot = { response: message.bot.response, showAt: message.bot.showAt, answered: message.bot.answeredAt !== undefined };
  return view;
}

export type WidgetConversation = {
  _id: Id<"conversations">;
  status: Doc<"conversations">["status"];
  lastMessageAt: number;
  lastMessagePreview: string;
  unreadCount: number;
  createdAt: number;
};

export function widgetConversation(conversation: Doc<"conversations">): WidgetConversation {
  return {
    _id: conversation._id,
    status: conversation.status,
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    unreadCount: conversation.unreadByVisitor,
    createdAt: conversation._creationTime,
  };
}

/** REST (admin API) representations: plain JSON, `id` rather than `_id`. */
export type ApiMessage = {
  id: string;
  conversationId: string;
  senderType: Doc<"messages">["senderType"];
  senderName: string | null;
  body: string;
  createdAt: number;
};

export function apiMessage(message: Doc<"messages">): ApiMessage {
  return {
    id: message._id,
    conversationId: message.conversationId,
    senderType: message.senderType,
    senderName: message.senderName ?? null,
    body: message.body,
    createdAt: message.createdAt,
  };
}

export type ApiConversation = {
  id: string;
  status: Doc<"conversations">["status"];
  /** `verified`: the user id was proven with the workspace's secret; otherwise it is only the page's claim. */
  visitor: { id: string; userId: string | null; name: string | null; email: string | null; identified: boolean; verified: boolean };
  lastMessageAt: number;
  lastMessagePreview: string;
  unreadByAgent: number;
  unreadByVisitor: number;
  /** Seen receipts: when the visitor / an agent last read it (null: never). */
  readByVisitorAt: number | null;
  readByAgentAt: number | null;
  createdAt: number;
};

export function apiConversation(conversation: Doc<"conversations">, visitor: Doc<"visitors"> | null): ApiConversation {
  return {
    id: conversation._id,
    status: conversation.status,
    visitor: {
      id: conversation.visitorId,
      userId: visitor?.userId ?? null,
      name: visitor?.name ?? null,
      email: visitor?.email ?? null,
      identified: visitor?.identified ?? false,
      verified: visitor?.verified ?? false,
    },
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    unreadByAgent: conversation.unreadByAgent,
    unreadByVisitor: conversation.unreadByVisitor,
    readByVisitorAt: conversation.readByVisitorAt ?? null,
    readByAgentAt: conversation.readByAgentAt ?? null,
    createdAt: conversation._creationTime,
  };
}
