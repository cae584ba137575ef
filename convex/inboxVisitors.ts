import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { query } from "./_generated/server";
import { generatedVisitorName } from "./lib/visitorNames";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";

/* Who the operator is talking to: the visitor beside a conversation. */

export const PREVIOUS_CONVERSATIONS_SHOWN = 10;

export type VisitorProfile = {
  _id: Id<"visitors">;
  /** The visitor's own name, or a readable generated one ("Amber Falcon"). */
  name: string;
  nameIsGenerated: boolean;
  email: string | null;
  userId: string | null;
  /** The identity was proven (HMAC user hash or signed JWT), not just claimed. */
  verified: boolean;
  attributes: Doc<"visitors">["customAttributes"] | null;
  currentPage: string | null;
  referrer: string | null;
  device: Doc<"visitors">["device"] | null;
  lastSeenAt: number;
  previousConversations: Array<{ _id: Id<"conversations">; status: Doc<"conversations">["status"]; lastMessageAt: number; lastMessagePreview: string }>;
};

export const forConversation = query({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<VisitorProfile | null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const visitor = await ctx.db.get("visitors", conversation.visitorId);
    if (visitor === null) return null;
    const others = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", visitor._id))
      .order("desc")
      .take(PREVIOUS_CONVERSATIONS_SHOWN + 1);
    return {
      _id: visitor._id,
      name: visitor.name ?? generatedVisitorName(visitor._id),
      nameIsGenerated: visitor.name === undefined,
      email: visitor.email ?? null,
      userId: visitor.userId ?? null,
      verified: visitor.verified,
      attributes: visitor.customAttributes ?? null,
      currentPage: visitor.lastPageUrl ?? null,
      referrer: visitor.referrer ?? null,
      device: visitor.device ?? null,
      lastSeenAt: visitor.lastSeenAt,
      previousConversations: others
        .filter((other) => other._id !== conversation._id)
        .slice(0, PREVIOUS_CONVERSATIONS_SHOWN)
        .map(({ _id, status, lastMessageAt, lastMessagePreview }) => ({ _id, status, lastMessageAt, lastMessagePreview })),
    };
  },
});
