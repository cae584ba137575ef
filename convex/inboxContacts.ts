import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { query } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import { visitorDisplayName } from "./lib/visitorNames";
import { requireMember } from "./model/members";

/* The inbox's Contacts: the people who talked to or visited the workspace, and their conversations. */

export const CONTACTS_LIMIT_MAX = 100;
const SEARCH_MAX = 100;
export const SEARCH_WINDOW = 1000;

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

/**
 * Most recently seen first. `search` matches part of a name, an email or a user id, among the
 * SEARCH_WINDOW most recently seen contacts. convex-test's search indexes fail on documents
 * without the searched field (most visitors have no name), and the local backend runs on it.
 */
export const list = query({
  args: { workspaceId: v.string(), search: v.string(), limit: v.number() },
  handler: async (ctx, args): Promise<Contact[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > CONTACTS_LIMIT_MAX) {
      throw invalidArgument("limit", `The limit must be a whole number from 1 to ${CONTACTS_LIMIT_MAX}.`);
    }
    if (args.search.length > SEARCH_MAX) throw invalidArgument("search", `The search must be at most ${SEARCH_MAX} characters.`);
    const needle = args.search.trim().toLowerCase();
    const recent = ctx.db
      .query("visitors")
      .withIndex("by_workspace_last_seen", (q) => q.eq("workspaceId", workspaceId))
      .order("desc");
    if (needle === "") return (await recent.take(args.limit)).map(contact);
    const window = await recent.take(SEARCH_WINDOW);
    return window
      .map(contact)
      .filter((found) => [found.name, found.email, found.userId].some((field) => field?.toLowerCase().includes(needle)))
      .slice(0, args.limit);
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
