import { v } from "convex/values";
import { countOutboundReply } from "./model/engagementStats";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery } from "./_generated/server";
import { checkClientId, checkLength, normalizeMessageBody } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { withAttachments, type AttachmentView } from "./lib/attachmentViews";
import { apiMessage, widgetMessage, type ApiMessage, type WidgetMessage } from "./lib/views";
import {
  appendMessage,
  findWorkspaceConversation,
  getVisitorConversation,
  recentMessages,
  startConversation,
} from "./model/conversations";
import { touchVisitor } from "./model/visitors";
import { clearTyping } from "./model/typing";
import { scheduleReplyEmail } from "./model/replyEmails";
import { attachmentsOf, claimableUploads, markSent } from "./model/uploads";
import { enforceAddressLimit, enforceRateLimit } from "./model/rateLimits";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";
import { greetConversation, takeReply } from "./model/botRunner";

/** Lists return at most this many messages: the most recent ones. */
export const MESSAGE_LIST_LIMIT = 200;

export type SendResult = { conversationId: Id<"conversations">; messageId: Id<"messages"> };

/**
 * A visitor's message. Starts a conversation when `conversationId` is absent.
 * Retries are safe: the same visitor sending the same `clientMessageId` again
 * gets the first result back and nothing new is written.
 * RATE_LIMITED (with `retryAfter` ms) past 5 messages at once or 20 a minute.
 */
export const send = visitorMutation({
  args: {
    conversationId: v.optional(v.string()),
    body: v.string(),
    clientMessageId: v.string(),
    /** Checked uploads (files:saveUpload) to send with the message; the body may then be empty. */
    attachmentIds: v.optional(v.array(v.string())),
  },
  handler: async (ctx, args): Promise<SendResult> => {
    checkClientId(args.clientMessageId, "clientMessageId");
    const earlier = await ctx.db
      .query("messages")
      .withIndex("by_visitor_client_message", (q) =>
        q.eq("visitorId", ctx.visitor._id).eq("clientMessageId", args.clientMessageId),
      )
      .first();
    if (earlier !== null) return { conversationId: earlier.conversationId, messageId: earlier._id };

    // After the retry check, so a retried send never counts twice.
    await enforceRateLimit(ctx, "messageBurst", ctx.visitor._id);
    await enforceRateLimit(ctx, "messageSustained", ctx.visitor._id);
    await enforceAddressLimit(ctx, "messagesPerAddress");
    const uploads = await claimableUploads(ctx.db, { visitorId: ctx.visitor._id }, args.attachmentIds ?? []);
    const body = uploads.length > 0 && args.body.trim() === "" ? "" : normalizeMessageBody(args.body);
    const now = Date.now();
    const conversation =
      args.conversationId === undefined
        ? await startConversation(ctx.db, ctx.visitor, now)
        : await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    await countOutboundReply(ctx.db, conversation);
    const message = await appendMessage(ctx.db, conversation, {
      senderType: "visitor",
      body,
      createdAt: now,
      visitorId: ctx.visitor._id,
      clientMessageId: args.clientMessageId,
      ...(ctx.visitor.name !== undefined ? { senderName: ctx.visitor.name } : {}),
      ...(uploads.length > 0 ? { attachments: attachmentsOf(uploads) } : {}),
    });
    await markSent(ctx.db, uploads, message._id);
    if (args.conversationId === undefined) await emitWebhookEvent(ctx, ctx.workspace._id, "conversation.created", { conversationId: conversation._id });
    await emitWebhookEvent(ctx, ctx.workspace._id, "message.created", { messageId: message._id });
    await clearTyping(ctx.db, conversation._id, "visitor");
    await touchVisitor(ctx.db, ctx.visitor, now);
    // A new conversation meets the workspace's active bot story; a reply answers what the bot waits on.
    if (args.conversationId === undefined) await greetConversation(ctx, conversation, body, now);
    else await takeReply(ctx, conversation._id, body, now);
    return { conversationId: conversation._id, messageId: message._id };
  },
});

/** A conversation's most recent messages, oldest first; only the visitor's own. */
export const list = visitorQuery({
  args: { conversationId: v.string() },
  handler: async (ctx, args): Promise<Array<WidgetMessage & { attachments?: AttachmentView[] }>> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    const messages = await recentMessages(ctx.db, conversation._id, MESSAGE_LIST_LIMIT);
    return await Promise.all(messages.map((message) => withAttachments(ctx.db, message, widgetMessage(message))));
  },
});

/** REST: messages of a workspace conversation, or null when there is no such conversation. */
export const listForAgent = internalQuery({
  args: { workspaceId: v.id("workspaces"), conversationId: v.string(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiMessage & { attachments?: AttachmentView[] }> | null> => {
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    const numItems = Math.max(1, Math.min(MESSAGE_LIST_LIMIT, Math.floor(args.paginationOpts.numItems)));
    const result = await ctx.db
      .query("messages")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversation._id))
      .order("asc")
      .paginate({ ...args.paginationOpts, numItems });
    const page = await Promise.all(result.page.map((message) => withAttachments(ctx.db, message, apiMessage(message))));
    return { ...result, page };
  },
});

/** REST: an agent's reply (emailed, like an inbox reply, to a visitor who left); null when there is no such conversation. */
export const sendFromAgent = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    conversationId: v.string(),
    body: v.string(),
    authorName: v.optional(v.string()),
  },
  handler: async (ctx, args): Promise<ApiMessage | null> => {
    const body = normalizeMessageBody(args.body, "text");
    checkLength(args.authorName, "authorName", 100);
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    const message: Doc<"messages"> = await appendMessage(ctx.db, conversation, {
      senderType: "agent",
      body,
      createdAt: Date.now(),
      ...(args.authorName !== undefined ? { senderName: args.authorName } : {}),
    });
    await clearTyping(ctx.db, conversation._id, "agent");
    await scheduleReplyEmail(ctx, conversation, message.createdAt);
    await emitWebhookEvent(ctx, args.workspaceId, "message.created", { messageId: message._id });
    await relayToGateway(ctx, conversation._id, { kind: "message", message });
    return apiMessage(message);
  },
});
