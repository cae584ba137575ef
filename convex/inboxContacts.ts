import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { query } from "./_generated/server";
import { appError } from "./lib/errors";
import { checkRecentListArgs, matching, RECENT_SEARCH_WINDOW } from "./lib/recentSearch";
import { visitorDisplayName } from "./lib/visitorNames";
import { requireMember } from "./model/members";

/* The inbox's Contacts: the people who talked to or visited the workspace, and their conversations. */


export type Contact = {
  _id: Id<"visitors">;
  name: string;
  email: string | null;
  userId: string | null;
  verified: boolean;
  lastSeenAt: number;
  companyId: Id<"companies"> | null;
};

function contact(visitor: Doc<"visitors">): Contact {
  return {
    _id: visitor._id,
    name: visitorDisplayName(visitor, visitor._id),
    email: visitor.email ?? null,
    userId: visitor.userId ?? null,
    verified: visitor.verified,
    lastSeenAt: visitor.lastSeenAt,
    companyId: visitor.companyId ?? null,
  };
}

/** Most recently seen first. `search` matches part of a name, an email or a user id, among the RECENT_SEARCH_WINDOW most recently seen. */
export const list = query({
  args: { workspaceId: v.string(), search: v.string(), limit: v.number() },
  handler: async (ctx, args): Promise<Contact[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const needle = checkRecentListArgs(args.limit, args.search);
    const recent = ctx.db
      .query("visitors")
      .withIndex("by_workspace_last_seen", (q) => q.eq("workspaceId", workspaceId))
      .order("desc");
    if (needle === "") return (await recent.take(args.limit)).map(contact);
    return matching((await recent.take(RECENT_SEARCH_WINDOW)).map(contact), needle, (found) => [found.name, found.email, found.userId], args.limit);
  },
});

export type ContactConversation = { _id: Id<"conversations">; status: Doc<"conversations">["status"]; lastMessageAt: number; lastMessagePreview: string };

/** A contact's conversations, most recent first. */
export const conversations = query({
  args: { workspaceId: v.string(), visitorId: v.string() },
  handler: async (ctx, args): Promise<ContactConversation[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const id = ctx.db.normalizeId("visitors", args.visitorId);
    const visitor = id === null ? null : await ctx.db.get("visitors", id);
    if (visitor === null || visitor.workspaceId !== workspaceId) throw appError("NOT_FOUND", "Contact not found.");
    const rows = await ctx.db
      .query("conversations")
      .withIndex("by_visitor_last_message", (q) => q.eq("visitorId", visitor._id))
      .order("desc")
      .take(50);
    return rows.map(({ _id, status, lastMessageAt, lastMessagePreview }) => ({ _id, status, lastMessageAt, lastMessagePreview }));
  },
});
