import { messagePreview } from "./inputRules";

export type SenderType = "visitor" | "agent" | "bot" | "system";
export type ConversationStatus = "open" | "closed";

type ConversationCounters = {
  status: ConversationStatus;
  lastMessageAt: number;
  unreadByVisitor: number;
  unreadByAgent: number;
};

export type ConversationPatch = ConversationCounters & { lastMessagePreview: string };

/**
 * How a conversation changes when a message lands in it.
 * - Writing implies having read: the sender's own unread count resets.
 * - Agent and bot messages count as unread for the visitor; visitor messages
 *   for the team; system notes for nobody.
 * - A visitor writing into a closed conversation reopens it (as Intercom does);
 *   a team reply leaves the status alone, so an agent can answer and keep it closed.
 */
export function afterMessage(
  conversation: ConversationCounters,
  message: { senderType: SenderType; body: string; createdAt: number },
): ConversationPatch {
  const { senderType } = message;
  const fromTeam = senderType === "agent" || senderType === "bot";
  return {
    status: senderType === "visitor" ? "open" : conversation.status,
    lastMessageAt: Math.max(conversation.lastMessageAt, message.createdAt),
    lastMessagePreview: messagePreview(message.body),
    unreadByVisitor:
      senderType === "visitor" ? 0 : fromTeam ? conversation.unreadByVisitor + 1 : conversation.unreadByVisitor,
    unreadByAgent:
      senderType === "visitor" ? conversation.unreadByAgent + 1 : fromTeam ? 0 : conversation.unreadByAgent,
  };
}

/** A conversation as it is before its first message. */
export function newConversationCounters(now: number): ConversationCounters & { lastMessagePreview: string } {
  return { status: "open", lastMessageAt: now, lastMessagePreview: "", unreadByVisitor: 0, unreadByAgent: 0 };
}
