import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { mutation, query } from "./_generated/server";
import { withAttachments, type AttachmentView } from "./lib/attachmentViews";
import { normalizeMessageBody } from "./lib/inputRules";
import { widgetMessage, type WidgetMessage } from "./lib/views";
import { appendMessage, recentMessages } from "./model/conversations";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";
import { clearTyping } from "./model/typing";
import { MESSAGE_LIST_LIMIT } from "./messages";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";

/* A conversation's messages as operators see them, and operators' replies. */

export type InboxMessage = WidgetMessage & { attachments?: AttachmentView[] };

/** The most recent messages, oldest first, with download URLs for attachments. */
export const list = query({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<InboxMessage[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const messages = await recentMessages(ctx.db, conversation._id, MESSAGE_LIST_LIMIT);
    return await Promise.all(messages.map((message) => withAttachments(ctx.db, message, widgetMessage(message))));
  },
});

/** A reply the visitor sees, signed with the member's name; it ends the member's typing indicator. */
export const reply = mutation({
  args: { workspaceId: v.string(), conversationId: v.string(), body: v.string() },
  handler: async (ctx, args): Promise<{ messageId: Id<"messages"> }> => {
    const { workspaceId, member } = await requireMember(ctx, args.workspaceId);
    const body = normalizeMessageBody(args.body);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const message = await appendMessage(ctx.db, conversation, {
      senderType: "agent",
      body,
      createdAt: Date.now(),
      senderName: member.name,
    });
    await clearTyping(ctx.db, conversation._id, "agent");
    await emitWebhookEvent(ctx, workspaceId, "message.created", { messageId: message._id });
    await relayToGateway(ctx, conversation._id, { kind: "message", message });
    return { messageId: message._id };
  },
});
