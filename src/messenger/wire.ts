import { parse } from "../runtime/wire";
import { z } from "../sdk/zod";

/* Live lists the panel shows, parsed rather than trusted. */

const senderType = z.catch(z.enum(["visitor", "agent", "bot", "system"]), "system");

const message = z.object({
  _id: z.string(),
  conversationId: z.string(),
  senderType,
  senderName: z.exactOptional(z.string()),
  senderAvatarUrl: z.exactOptional(z.string()),
  body: z.string(),
  clientMessageId: z.exactOptional(z.string()),
  createdAt: z.number(),
});
export type ServerMessage = z.infer<typeof message>;

const conversation = z.object({
  _id: z.string(),
  status: z.catch(z.string(), "open"),
  lastMessageAt: z.catch(z.number(), 0),
  lastMessagePreview: z.catch(z.string(), ""),
  // The design names it `unreadByVisitor`; the backend's first version says `unreadCount`.
  unreadByVisitor: z.optional(z.number()),
  unreadCount: z.optional(z.number()),
});

export interface ConversationSummary {
  id: string;
  status: string;
  lastMessageAt: number;
  lastMessagePreview: string;
  unread: number;
}

export const parseMessages = (value: unknown): ServerMessage[] => parse(z.array(message), value, "message list");

export const parseConversations = (value: unknown): ConversationSummary[] =>
  parse(z.array(conversation), value, "conversation list").map((row) => ({
    id: row._id,
    status: row.status,
    lastMessageAt: row.lastMessageAt,
    lastMessagePreview: row.lastMessagePreview,
    unread: row.unreadByVisitor ?? row.unreadCount ?? 0,
  }));
