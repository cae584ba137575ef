import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { v } from "convex/values";
import { apiCsatRating, type ApiCsatRating } from "./lib/visitorViews";
import type { Id } from "./_generated/dataModel";
import { internalQuery } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { getVisitorConversation } from "./model/conversations";
import { csatSettingsOf } from "./model/csatSettings";
import { emitWebhookEvent } from "./outgoing/webhookEvents";
import { countCsatRating } from "./model/engagementStats";

/*
 * CSAT: after a conversation is closed, its visitor may rate it 1–5 with an
 * optional comment, once.
 */

export const CSAT_COMMENT_MAX = 1000;
const DAY_MS = 86_400_000;
const PENDING_LIMIT = 5;

export type PendingCsat = {
  conversationId: Id<"conversations">;
  lastMessageAt: number;
  lastMessagePreview: string;
  /** The workspace's own words (Engagement → CSAT); absent: the widget's, in the visitor's language. */
  question?: string;
  commentPrompt?: string;
};

/**
 * The visitor's recently closed conversations that are not rated yet, newest
 * first: what the CSAT prompt offers. The workspace's CSAT settings say whether
 * it is offered at all and for how many days after the last message.
 */
export const getPending = visitorQuery({
  args: {},
  handler: async (ctx): Promise<PendingCsat[]> => {
    const settings = await csatSettingsOf(ctx.db, ctx.workspace._id);
    if (!settings.enabled) return [];
    const texts = {
      ...(settings.question !== "" ? { question: settings.question } : {}),
      ...(settings.commentPrompt !== "" ? { commentPrompt: settings.commentPrompt } : {}),
    };
    const since = Date.now() - settings.offerForDays * DAY_MS;
    const recent = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", ctx.visitor._id).gte("lastMessageAt", since))
      .order("desc")
      .take(50);
    const pending: PendingCsat[] = [];
    for (const conversation of recent) {
      if (conversation.status !== "closed") continue;
      const rated = await ctx.db
        .query("csatRatings")
        .withIndex("by_conversation", (q) => q.eq("conversationId", conversation._id))
        .first();
      if (rated !== null) continue;
      pending.push({
        conversationId: conversation._id,
        lastMessageAt: conversation.lastMessageAt,
        lastMessagePreview: conversation.lastMessagePreview,
        ...texts,
      });
      if (pending.length === PENDING_LIMIT) break;
    }
    return pending;
  },
});

/**
 * Rates one of the visitor's own closed conversations. NOT_FOUND for someone
 * else's (or an unknown) conversation, INVALID_ARGUMENT for an open one or a
 * bad rating/comment, CONFLICT when it was rated already.
 */
export const submit = visitorMutation({
  args: { conversationId: v.string(), rating: v.number(), comment: v.optional(v.string()) },
  handler: async (ctx, args): Promise<{ ratingId: Id<"csatRatings"> }> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    if (conversation.status !== "closed") {
      throw invalidArgument("conversationId", "Only a closed conversation can be rated.");
    }
    if (!Number.isInteger(args.rating) || args.rating < 1 || args.rating > 5) {
      throw invalidArgument("rating", "rating must be a whole number from 1 to 5.");
    }
    const comment = args.comment?.trim();
    if (comment !== undefined && comment.length > CSAT_COMMENT_MAX) {
      throw invalidArgument("comment", `comment must be at most ${CSAT_COMMENT_MAX} characters.`);
    }
    const existing = await ctx.db
      .query("csatRatings")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversation._id))
      .first();
    if (existing !== null) throw appError("CONFLICT", "This conversation was rated already.", "conversationId");
    const now = Date.now();
    const ratingId = await ctx.db.insert("csatRatings", {
      workspaceId: ctx.workspace._id,
      visitorId: ctx.visitor._id,
      conversationId: conversation._id,
      rating: args.rating,
      createdAt: now,
      ...(comment ? { comment } : {}),
    });
    await countCsatRating(ctx.db, ctx.workspace._id, args.rating, now);
    await emitWebhookEvent(ctx, ctx.workspace._id, "csat.submitted", { ratingId });
    return { ratingId };
  },
});

/** Admin/reporting: a conversation's rating, or null. */
export const forConversation = internalQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, args) => {
    const row = await ctx.db
      .query("csatRatings")
      .withIndex("by_conversation", (q) => q.eq("conversationId", args.conversationId))
      .first();
    return row === null ? null : { rating: row.rating, comment: row.comment ?? null, createdAt: row.createdAt };
  },
});

/** REST: the workspace's satisfaction ratings, newest first, a page at a time. */
export const listForWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiCsatRating>> => {
    const result = await ctx.db
      .query("csatRatings")
      .withIndex("by_workspace_created", (q) => q.eq("workspaceId", args.workspaceId))
      .order("desc")
      .paginate(args.paginationOpts);
    return { ...result, page: result.page.map(apiCsatRating) };
  },
});
