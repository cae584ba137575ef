import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { mutation, query } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import type { InboxConversation } from "./lib/inboxViews";
import { findMember, requireMember } from "./model/members";
import { filteredConversations, requireWorkspaceConversation, toInboxConversation } from "./model/inbox";
import { activeTyping, setTyping } from "./model/typing";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";

/*
 * The inbox's conversation list and what operators do to a conversation: assign, close,
 * reopen, read, type. Every function checks the caller's membership first.
 */

export const LIST_LIMIT_MAX = 200;

const filterValidator = v.union(v.literal("open"), v.literal("mine"), v.literal("unassigned"), v.literal("closed"));
const conversationArgs = { workspaceId: v.string(), conversationId: v.string() };

/**
 * A live page of conversations, most recent activity first. The inbox asks for a larger
 * `limit` to load more, so the list it shows stays one live subscription.
 */
export const list = query({
  args: { workspaceId: v.string(), filter: filterValidator, limit: v.number() },
  handler: async (ctx, args): Promise<{ conversations: InboxConversation[]; hasMore: boolean }> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId);
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > LIST_LIMIT_MAX) {
      throw invalidArgument("limit", `The limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`);
    }
    const page = await filteredConversations(ctx.db, workspaceId, args.filter, userId, args.limit + 1);
    const shown = page.slice(0, args.limit);
    return {
      conversations: await Promise.all(shown.map((conversation) => toInboxConversation(ctx.db, conversation))),
      hasMore: page.length > args.limit,
    };
  },
});

export type ConversationActivity = { visitorTypingUntil: number | null; readByVisitorAt: number | null };

export const get = query({
  args: conversationArgs,
  handler: async (ctx, args): Promise<InboxConversation & ConversationActivity> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const typing = await activeTyping(ctx.db, conversation._id, "visitor", Date.now());
    return {
      ...(await toInboxConversation(ctx.db, conversation)),
      visitorTypingUntil: typing?.expiresAt ?? null,
      readByVisitorAt: conversation.readByVisitorAt ?? null,
    };
  },
});

/** Any member assigns to any member of the same workspace (or to nobody, with null). */
export const assign = mutation({
  args: { ...conversationArgs, assigneeId: v.union(v.string(), v.null()) },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    let assigneeId: Id<"users"> | undefined;
    if (args.assigneeId !== null) {
      const userId = ctx.db.normalizeId("users", args.assigneeId);
      const member = userId === null ? null : await findMember(ctx.db, workspaceId, userId);
      if (member === null) throw appError("NOT_FOUND", "No such member in this workspace.", "assigneeId");
      assigneeId = member.userId;
    }
    if (conversation.assigneeId === assigneeId) return null;
    await ctx.db.patch("conversations", conversation._id, { assigneeId });
    // A gateway's chat hears who left and who joined (its templates).
    const previous = conversation.assigneeId === undefined ? null : await findMember(ctx.db, workspaceId, conversation.assigneeId);
    if (previous !== null) await relayToGateway(ctx, conversation._id, { kind: "agentLeft", agentName: previous.name });
    const next = assigneeId === undefined ? null : await findMember(ctx.db, workspaceId, assigneeId);
    if (next !== null) await relayToGateway(ctx, conversation._id, { kind: "agentJoined", agentName: next.name });
    return null;
  },
});

export const setStatus = mutation({
  args: { ...conversationArgs, status: v.union(v.literal("open"), v.literal("closed")) },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    if (conversation.status === args.status) return null;
    await ctx.db.patch("conversations", conversation._id, { status: args.status });
    if (args.status === "closed") {
      await emitWebhookEvent(ctx, workspaceId, "conversation.closed", { conversationId: conversation._id });
      await relayToGateway(ctx, conversation._id, { kind: "closed" });
    }
    return null;
  },
});

/** The team has read the conversation: its unread count clears and the visitor sees "Seen". */
export const markRead = mutation({
  args: conversationArgs,
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    // No write when there is nothing new: a re-render must not re-run every subscriber.
    if (conversation.unreadByAgent !== 0 || conversation.readByAgentAt === undefined) {
      await ctx.db.patch("conversations", conversation._id, { unreadByAgent: 0, readByAgentAt: Date.now() });
    }
    return null;
  },
});

/** The visitor sees "<member name> is typing" until `expiresAt`. */
export const setTypingIndicator = mutation({
  args: { ...conversationArgs, typing: v.boolean() },
  handler: async (ctx, args): Promise<{ expiresAt: number | null }> => {
    const { workspaceId, member } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    return { expiresAt: await setTyping(ctx.db, conversation._id, "agent", args.typing, Date.now(), member.name) };
  },
});
