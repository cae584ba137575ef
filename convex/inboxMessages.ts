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
import { scheduleReplyEmail } from "./model/replyEmails";
import { attachmentsOf, claimableUploads, markSent } from "./model/uploads";
import { MESSAGE_LIST_LIMIT } from "./messages";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";
import { patchTeamProfile } from "./model/teamProfiles";
import { avatarUrl } from "./lib/teamFaces";
import { siteUrl } from "./lib/siteUrl";

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

/**
 * A reply the visitor sees, signed with the member's name, with the member's saved uploads
 * for this conversation (inboxFiles.ts; the body may then be empty). It ends the member's
 * typing indicator, and emails the visitor if they have left (replyEmails.ts).
 */
export const reply = mutation({
  args: { workspaceId: v.string(), conversationId: v.string(), body: v.string(), attachmentIds: v.optional(v.array(v.string())) },
  handler: async (ctx, args): Promise<{ messageId: Id<"messages"> }> => {
    const { workspaceId, member, userId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const uploads = await claimableUploads(ctx.db, { visitorId: conversation.visitorId, operatorUserId: userId }, args.attachmentIds ?? []);
    const body = uploads.length > 0 && args.body.trim() === "" ? "" : normalizeMessageBody(args.body);
    const now = Date.now();
    // Replying puts the operator first among the faces on the messenger's Home.
    const profile = await patchTeamProfile(ctx.db, workspaceId, userId, { lastRepliedAt: now });
    const message = await appendMessage(ctx.db, conversation, {
      senderType: "agent",
      body,
      createdAt: now,
      senderName: member.name,
      ...(profile?.avatarKey !== undefined ? { senderAvatarUrl: avatarUrl(siteUrl(), profile.avatarKey) } : {}),
      ...(uploads.length > 0 ? { attachments: attachmentsOf(uploads) } : {}),
    });
    await markSent(ctx.db, uploads, message._id);
    await clearTyping(ctx.db, conversation._id, "agent");
    await scheduleReplyEmail(ctx, conversation, now);
    await emitWebhookEvent(ctx, workspaceId, "message.created", { messageId: message._id });
    await relayToGateway(ctx, conversation._id, { kind: "message", message });
    return { messageId: message._id };
  },
});
