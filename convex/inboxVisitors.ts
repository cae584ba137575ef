import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { query } from "./_generated/server";
import { ticketCode } from "./lib/ticketFields";
import { generatedVisitorName } from "./lib/visitorNames";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";
import { newestEventsOfKind } from "./model/visitorEvents";

/* Who the operator is talking to: the visitor beside a conversation. */

export const PREVIOUS_CONVERSATIONS_SHOWN = 10;
export const RECENT_EVENTS_SHOWN = 10;
export const PAGES_SHOWN = 10;
export const TICKETS_SHOWN = 10;
/** Page views read to find the distinct pages shown: the visitor's most recent ones only. */
const PAGE_VIEWS_READ = 200;


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
  company: { name: string; plan: string | null } | null;
  /** Pages viewed, most recent first, each once (its latest visit). */
  pageHistory: Array<{ url: string; at: number }>;
  /** The site's own events (not the widget's page views and presence beats), most recent first. */
  recentEvents: Array<{ name: string; at: number }>;
  tickets: Array<{ id: Id<"tickets">; code: string; subject: string; state: Doc<"tickets">["state"]; updatedAt: number }>;
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
    // Each kind read apart, by index: the widget's beats (one a minute) never crowd out the rest.
    const pageViews = await newestEventsOfKind(ctx.db, visitor._id, "page", PAGE_VIEWS_READ);
    const siteEvents = await newestEventsOfKind(ctx.db, visitor._id, "custom", RECENT_EVENTS_SHOWN);
    const tickets = await ctx.db
      .query("tickets")
      .withIndex("by_visitor_updated", (q) => q.eq("visitorId", visitor._id))
      .order("desc")
      .take(TICKETS_SHOWN);
    const company = visitor.companyId === undefined ? null : await ctx.db.get("companies", visitor.companyId);
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
      company: company === null ? null : { name: company.name ?? company.externalId, plan: company.plan ?? null },
      pageHistory: pageHistory(pageViews),
      recentEvents: siteEvents.map((event) => ({ name: event.name, at: event.createdAt })),
      tickets: tickets.map((ticket) => ({ id: ticket._id, code: ticketCode(ticket.number), subject: ticket.title, state: ticket.state, updatedAt: ticket.updatedAt })),
    };
  },
});

/** Each page once, at its latest view, most recent first. */
function pageHistory(pageViews: readonly Doc<"events">[]): VisitorProfile["pageHistory"] {
  const seen = new Set<string>();
  const pages: VisitorProfile["pageHistory"] = [];
  for (const event of pageViews) {
    if (event.url === undefined || seen.has(event.url)) continue;
    seen.add(event.url);
    pages.push({ url: event.url, at: event.createdAt });
    if (pages.length === PAGES_SHOWN) break;
  }
  return pages;
}
