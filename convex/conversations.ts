import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { apiConversation, widgetConversation, type ApiConversation, type WidgetConversation } from "./lib/views";
import { findWorkspaceConversation, getVisitorConversation } from "./model/conversations";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";

/** A visitor's inbox shows at most this many conversations, newest first. */
export const VISITOR_CONVERSATION_LIMIT = 100;
export const API_CONVERSATION_LIMIT_MAX = 100;

export const listForVisitor = visitorQuery({
  args: {},
  handler: async (ctx): Promise<WidgetConversation[]> => {
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", ctx.visitor._id))
      .order("desc")
      .take(VISITOR_CONVERSATION_LIMIT);
    return conversations.map(widgetConversation);
  },
});

/** The launcher badge: unread team messages across the visitor's conversations. */
export const getTotalUnreadForVisitor = visitorQuery({
  args: {},
  handler: async (ctx): Promise<number> => {
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", ctx.visitor._id))
      .collect();
    return conversations.reduce((total, conversation) => total + conversation.unreadByVisitor, 0);
  },
});

export const markAsRead = visitorMutation({
  args: { conversationId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    // Skipping the no-op write spares every subscriber of this conversation a re-run.
    // readByVisitorAt is the agents' "seen" receipt (REST); it only moves when there was something to read.
    if (conversation.unreadByVisitor !== 0) {
      await ctx.db.patch("conversations", conversation._id, { unreadByVisitor: 0, readByVisitorAt: Date.now() });
    }
    return null;
  },
});

/** REST: a workspace's conversations, most recently active first. */
export const listForWorkspace = internalQuery({
  args: {
    workspaceId: v.id("workspaces"),
    status: v.optional(v.union(v.literal("open"), v.literal("closed"))),
    limit: v.number(),
  },
  handler: async (ctx, args): Promise<ApiConversation[]> => {
    const limit = Math.max(1, Math.min(API_CONVERSATION_LIMIT_MAX, Math.floor(args.limit)));
    const { status } = args;
    const newestFirst =
      status === undefined
        ? ctx.db
            .query("conversations")
            .withIndex("by_workspace_last_message", (q) => q.eq("workspaceId", args.workspaceId))
        : ctx.db
            .query("conversations")
            .withIndex("by_workspace_status_last_message", (q) =>
              q.eq("workspaceId", args.workspaceId).eq("status", status),
            );
    const conversations = await newestFirst.order("desc").take(limit);
    return await Promise.all(
      conversations.map(async (conversation) =>
        apiConversation(conversation, await ctx.db.get("visitors", conversation.visitorId)),
      ),
    );
  },
});

/** REST: closes a conversation (idempotent); null when there is no such conversation. */
export const close = internalMutation({
  args: { workspaceId: v.id("workspaces"), conversationId: v.string() },
  handler: async (ctx, args): Promise<ApiConversation | null> => {
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    if (conversation.status !== "closed") {
      await ctx.db.patch("conversations", conversation._id, { status: "closed" });
      await emitWebhookEvent(ctx, args.workspaceId, "conversation.closed", { conversationId: conversation._id });
      await relayToGateway(ctx, conversation._id, { kind: "closed" });
    }
    const visitor = await ctx.db.get("visitors", conversation.visitorId);
    return apiConversation({ ...conversation, status: "closed" }, visitor);
  },
});
