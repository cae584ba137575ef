import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { mutation, query } from "./_generated/server";
import { inboxNote, type InboxNote } from "./lib/inboxViews";
import { normalizeMessageBody } from "./lib/inputRules";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";

/*
 * Internal notes: the team's remarks on a conversation. They live in their own table, so
 * nothing the widget can call (messages, conversations) ever reads one.
 */

export const NOTE_LIST_LIMIT = 200;

export const list = query({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<InboxNote[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const newestFirst = await ctx.db
      .query("conversationNotes")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversation._id))
      .order("desc")
      .take(NOTE_LIST_LIMIT);
    return newestFirst.reverse().map(inboxNote);
  },
});

export const add = mutation({
  args: { workspaceId: v.string(), conversationId: v.string(), body: v.string() },
  handler: async (ctx, args): Promise<{ noteId: Id<"conversationNotes"> }> => {
    const { workspaceId, member, userId } = await requireMember(ctx, args.workspaceId);
    const body = normalizeMessageBody(args.body);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const noteId = await ctx.db.insert("conversationNotes", {
      workspaceId,
      conversationId: conversation._id,
      authorId: userId,
      authorName: member.name,
      body,
      createdAt: Date.now(),
    });
    return { noteId };
  },
});
