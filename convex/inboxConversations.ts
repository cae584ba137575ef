import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { internal } from "./_generated/api";
import { internalMutation, mutation, query } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import type { InboxConversation } from "./lib/inboxViews";
import { checkSnoozeUntil, nextWakeAt } from "./lib/snooze";
import { findInWorkspace } from "./model/engagement";
import { findMember, requireMember } from "./model/members";
import { filteredConversations, requireWorkspaceConversation, toInboxConversation } from "./model/inbox";
import { activeTyping, setTyping } from "./model/typing";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { relayToGateway } from "./model/gatewayRelay";

/*
 * The inbox's conversation list and what operators do to a conversation: assign to a member
 * or a support team, close, reopen, snooze, read, type. Every public function checks the
 * caller's membership first.
 */

export const LIST_LIMIT_MAX = 200;

const filterValidator = v.union(v.literal("open"), v.literal("mine"), v.literal("unassigned"), v.literal("snoozed"), v.literal("closed"));
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
    await ctx.db.patch("conversations", conversation._id, { assigneeId, ...(assigneeId === undefined ? {} : { assignedAt: Date.now() }) });
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
    // Closing ends a snooze: nothing should wake a closed conversation back into the open list.
    await ctx.db.patch("conversations", conversation._id, { status: args.status, ...(args.status === "closed" ? { snoozedUntil: undefined } : {}) });
    if (args.status === "closed") {
      await emitWebhookEvent(ctx, workspaceId, "conversation.closed", { conversationId: conversation._id });
      await relayToGateway(ctx, conversation._id, { kind: "closed" });
    }
    return null;
  },
});

/** Routes the conversation to one of the workspace's support teams, or to none with null. */
export const assignTeam = mutation({
  args: { ...conversationArgs, supportTeamId: v.union(v.string(), v.null()) },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    let supportTeamId: Id<"supportTeams"> | undefined;
    if (args.supportTeamId !== null) {
      const team = await findInWorkspace(ctx.db, "supportTeams", workspaceId, args.supportTeamId);
      if (team === null) throw appError("NOT_FOUND", "No such support team in this workspace.", "supportTeamId");
      supportTeamId = team._id;
    }
    if (conversation.supportTeamId !== supportTeamId) await ctx.db.patch("conversations", conversation._id, { supportTeamId });
    return null;
  },
});

/**
 * Takes an open conversation out of the open list until `until` (epoch ms), or brings it back
 * now with null. A scheduled job wakes it; the visitor writing wakes it sooner.
 */
export const snooze = mutation({
  args: { ...conversationArgs, until: v.union(v.number(), v.null()) },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    if (args.until === null) {
      if (conversation.snoozedUntil !== undefined) await ctx.db.patch("conversations", conversation._id, { snoozedUntil: undefined });
      return null;
    }
    const now = Date.now();
    const until = checkSnoozeUntil(args.until, now);
    if (conversation.status !== "open") throw appError("CONFLICT", "Only an open conversation can be snoozed.", "conversationId");
    await ctx.db.patch("conversations", conversation._id, { snoozedUntil: until });
    await ctx.scheduler.runAt(nextWakeAt(until, now), internal.inboxConversations.wake, { conversationId: conversation._id, until });
    return null;
  },
});

/**
 * The scheduled end of a snooze. A run for a snooze since replaced or cleared does nothing;
 * one that wakes early (long snoozes wait in steps) plans the next step.
 */
export const wake = internalMutation({
  args: { conversationId: v.id("conversations"), until: v.number() },
  handler: async (ctx, args): Promise<{ woken: boolean }> => {
    const conversation = await ctx.db.get("conversations", args.conversationId);
    if (conversation === null || conversation.snoozedUntil !== args.until) return { woken: false };
    const now = Date.now();
    if (args.until > now) {
      await ctx.scheduler.runAt(nextWakeAt(args.until, now), internal.inboxConversations.wake, args);
      return { woken: false };
    }
    await ctx.db.patch("conversations", conversation._id, { snoozedUntil: undefined });
    return { woken: true };
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
