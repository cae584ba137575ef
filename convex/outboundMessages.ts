import { v } from "convex/values";
import { isDue, NEVER_SHOWN } from "../core/engagement/frequency";
import { contentAdminFunctions } from "./model/contentAdmin";
import { widgetOutboundMessage, type WidgetOutboundMessage } from "./lib/engagementViews";
import { checkUrl } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { getInWorkspace, historiesOf, recordImpression as saveImpression, targetedContent } from "./model/engagement";
import { appendMessage, startConversation } from "./model/conversations";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { invalidArgument } from "./lib/errors";
import type { Id } from "./_generated/dataModel";

/*
 * Outbound messages: posts (modal cards), chats (a message from a teammate)
 * and banners (a strip at the top or bottom of the page). For the frequency
 * rules, clicking a button other than "dismiss" counts as completing it.
 */

export const { adminList, adminGet, adminCreate, adminUpdate, adminRemove, windowBoundary } =
  contentAdminFunctions("outboundMessages");

/**
 * The outbound messages for this visitor on `url`: targeted (audience,
 * schedule, active, URL trigger) and due by their frequency, best first.
 * Recording `shown` may make a `once` message drop out of this list: keep
 * showing the one on screen until the visitor closes it.
 */
export const getEligible = visitorQuery({
  args: { url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetOutboundMessage[]> => {
    checkUrl(args.url, "url");
    const { items } = await targetedContent(ctx, "outboundMessages", args.url);
    const histories = await historiesOf(ctx.db, ctx.visitor._id, "outbound");
    const now = Date.now();
    return items
      .filter((message) => isDue(message.frequency, histories.get(message._id) ?? NEVER_SHOWN, now))
      .map(widgetOutboundMessage);
  },
});

export const recordImpression = visitorMutation({
  args: {
    messageId: v.string(),
    action: v.union(v.literal("shown"), v.literal("dismissed"), v.literal("clicked")),
    /** With `clicked`: which of the message's buttons (0-based), for its results. */
    buttonIndex: v.optional(v.number()),
  },
  handler: async (ctx, args): Promise<null> => {
    const message = await getInWorkspace(ctx.db, "outboundMessages", ctx.workspace._id, args.messageId, "messageId");
    const { buttonIndex } = args;
    if (buttonIndex !== undefined) {
      if (args.action !== "clicked") throw invalidArgument("buttonIndex", "buttonIndex goes only with the clicked action.");
      const buttons = message.buttons?.length ?? 0;
      if (!Number.isInteger(buttonIndex) || buttonIndex < 0 || buttonIndex >= buttons) {
        throw invalidArgument("buttonIndex", buttons === 0 ? "This message has no buttons." : `buttonIndex must be 0 to ${buttons - 1}.`);
      }
    }
    const event = args.action === "clicked" ? { action: "clicked" as const, button: buttonIndex } : args.action;
    await saveImpression(ctx.db, ctx.visitor, "outbound", message._id, event, Date.now());
    return null;
  },
});

/**
 * Reply to an outbound chat: the conversation starts with the chat's message as its first
 * line, from its sender, so the visitor answers in context and the agent sees what they
 * answer. A second Reply to the same message returns the same conversation.
 */
export const startChat = visitorMutation({
  args: { messageId: v.string() },
  handler: async (ctx, args): Promise<{ conversationId: Id<"conversations"> }> => {
    const message = await getInWorkspace(ctx.db, "outboundMessages", ctx.workspace._id, args.messageId, "messageId");
    if (message.type !== "chat") throw invalidArgument("messageId", "Only a chat message starts a conversation.");
    const earlier = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", ctx.visitor._id))
      .filter((q) => q.eq(q.field("sourceOutboundMessageId"), message._id))
      .first();
    if (earlier !== null) return { conversationId: earlier._id };
    const now = Date.now();
    const conversation = await startConversation(ctx.db, ctx.visitor, now);
    await ctx.db.patch("conversations", conversation._id, { sourceOutboundMessageId: message._id });
    await emitWebhookEvent(ctx, ctx.workspace._id, "conversation.created", { conversationId: conversation._id });
    const opening = await appendMessage(ctx.db, conversation, {
      senderType: "agent",
      body: message.body,
      createdAt: now,
      ...(message.senderName !== undefined ? { senderName: message.senderName } : {}),
    });
    await emitWebhookEvent(ctx, ctx.workspace._id, "message.created", { messageId: opening._id });
    // The visitor has just read it: it is the message they are answering.
    await ctx.db.patch("conversations", conversation._id, { unreadByVisitor: 0, readByVisitorAt: now });
    await saveImpression(ctx.db, ctx.visitor, "outbound", message._id, { action: "clicked", button: "reply" }, now);
    return { conversationId: conversation._id };
  },
});
