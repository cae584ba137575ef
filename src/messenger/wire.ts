import * as v from "valibot";
import { parse } from "../runtime/wire";

/* Live lists the panel shows, parsed rather than trusted. */

const senderType = v.fallback(v.picklist(["visitor", "agent", "bot", "system"]), "system");

/** A file on a message or a ticket reply, with its download URL. */
export const attachment = v.object({
  name: v.string(),
  contentType: v.string(),
  size: v.number(),
  url: v.nullable(v.string()),
});
export type ServerAttachment = v.InferOutput<typeof attachment>;

const message = v.object({
  _id: v.string(),
  conversationId: v.string(),
  senderType,
  senderName: v.exactOptional(v.string()),
  senderAvatarUrl: v.exactOptional(v.string()),
  body: v.string(),
  clientMessageId: v.exactOptional(v.string()),
  attachments: v.exactOptional(v.array(attachment)),
  // The response itself is checked by core/bots in the rich-reply chunk, which is the only code that reads it.
  bot: v.exactOptional(v.object({ response: v.unknown(), showAt: v.number(), answered: v.fallback(v.boolean(), false) })),
  createdAt: v.number(),
});
export type ServerMessage = v.InferOutput<typeof message>;

const conversation = v.object({
  _id: v.string(),
  status: v.fallback(v.string(), "open"),
  lastMessageAt: v.fallback(v.number(), 0),
  lastMessagePreview: v.fallback(v.string(), ""),
  // The design names it `unreadByVisitor`; the backend's first version says `unreadCount`.
  unreadByVisitor: v.optional(v.number()),
  unreadCount: v.optional(v.number()),
});

export interface ConversationSummary {
  id: string;
  status: string;
  lastMessageAt: number;
  lastMessagePreview: string;
  unread: number;
}

export const parseMessages = (value: unknown): ServerMessage[] => parse(v.array(message), value, "message list");

export const parseConversations = (value: unknown): ConversationSummary[] =>
  parse(v.array(conversation), value, "conversation list").map((row) => ({
    id: row._id,
    status: row.status,
    lastMessageAt: row.lastMessageAt,
    lastMessagePreview: row.lastMessagePreview,
    unread: row.unreadByVisitor ?? row.unreadCount ?? 0,
  }));

const visitorState = v.object({ identified: v.boolean(), hasEmail: v.boolean(), emailPrompted: v.boolean() });
export type VisitorState = v.InferOutput<typeof visitorState>;
export const parseVisitorState = (value: unknown): VisitorState => parse(visitorState, value, "visitor state");

const activity = v.object({
  agentTyping: v.nullable(v.object({ name: v.nullable(v.string()), expiresAt: v.number() })),
  readByAgentAt: v.nullable(v.number()),
});
const botState = v.object({ botActive: v.boolean() });
export const parseBotState = (value: unknown): v.InferOutput<typeof botState> => parse(botState, value, "bot state");

export type ConversationActivity = v.InferOutput<typeof activity>;
export const parseActivity = (value: unknown): ConversationActivity => parse(activity, value, "conversation activity");
