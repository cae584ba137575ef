import { v } from "convex/values";
import { withAttachments, type AttachmentView } from "./lib/attachmentViews";
import { attachmentsOf } from "./model/uploads";
import { claimApiFiles } from "./model/apiFiles";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader } from "./_generated/server";
import { appError } from "./lib/errors";
import { ticketFieldValidator, ticketStateValidator, type TicketField } from "./lib/messengerValidators";
import { checkTicketAnswers, checkTicketReply, checkTicketTitle, DEFAULT_TICKET_FIELDS } from "./lib/ticketRules";
import {
  apiTicket,
  ticketSummary,
  replyView,
  widgetTicket,
  type ApiTicket,
  type WidgetTicket,
  type WidgetTicketSummary,
} from "./lib/ticketViews";
import { visitorMutation, visitorQuery, type VisitorQueryCtx } from "./model/visitorFunctions";
import { findInWorkspace } from "./model/engagement";
import { addReply, changeTicket, createTicket } from "./model/tickets";
import { enforceRateLimit } from "./model/rateLimits";

/*
 * Tickets, the visitor's side and the REST API's: a visitor files one with the
 * workspace's form and talks with the team in its replies; agents move it
 * through submitted → in progress → waiting on customer → resolved (or
 * cancelled) from the inbox (ticketsInbox.ts) or over REST (rest/tickets.ts),
 * and the widget's live queries show each change.
 */

const VISITOR_TICKET_LIMIT = 50;
/** Replies a visitor's ticket view carries, oldest first. */
const TICKET_REPLIES_SHOWN = 500;

export async function ticketForm(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<TicketField[]> {
  const form = await db
    .query("ticketForms")
    .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
    .unique();
  return form?.fields ?? DEFAULT_TICKET_FIELDS;
}

/** The form a visitor fills in (the title is always asked first, apart from these fields). */
export const getForm = visitorQuery({
  args: {},
  handler: async (ctx): Promise<{ fields: TicketField[] }> => ({ fields: await ticketForm(ctx.db, ctx.workspace._id) }),
});

export const create = visitorMutation({
  args: { title: v.string(), fields: v.record(v.string(), v.string()) },
  handler: async (ctx, args): Promise<WidgetTicketSummary> => {
    const title = checkTicketTitle(args.title);
    const answers = checkTicketAnswers(await ticketForm(ctx.db, ctx.workspace._id), args.fields);
    // Its own bucket key: filing tickets never eats into the visitor's message allowance.
    await enforceRateLimit(ctx, "messageSustained", `ticket:${ctx.visitor._id}`);
    const ticket = await createTicket(
      ctx,
      { workspaceId: ctx.workspace._id, visitorId: ctx.visitor._id, title, fields: answers },
      Date.now(),
    );
    return ticketSummary(ticket);
  },
});

/** The visitor's tickets, most recently updated first. */
export const listForVisitor = visitorQuery({
  args: {},
  handler: async (ctx): Promise<WidgetTicketSummary[]> => {
    const tickets = await ctx.db
      .query("tickets")
      .withIndex("by_visitor_updated", (q) => q.eq("visitorId", ctx.visitor._id))
      .order("desc")
      .take(VISITOR_TICKET_LIMIT);
    return tickets.map(ticketSummary);
  },
});

async function visitorsTicket(ctx: VisitorQueryCtx, ticketId: string): Promise<Doc<"tickets">> {
  const ticket = await findInWorkspace(ctx.db, "tickets", ctx.workspace._id, ticketId);
  if (ticket === null || ticket.visitorId !== ctx.visitor._id) throw appError("NOT_FOUND", "Ticket not found.", "ticketId");
  return ticket;
}

/** One of the visitor's own tickets with its answers, state history and replies; NOT_FOUND otherwise. */
export const get = visitorQuery({
  args: { ticketId: v.string() },
  handler: async (ctx, args): Promise<WidgetTicket> => {
    const ticket = await visitorsTicket(ctx, args.ticketId);
    const replies = await ctx.db
      .query("ticketReplies")
      .withIndex("by_ticket_created", (q) => q.eq("ticketId", ticket._id))
      .take(TICKET_REPLIES_SHOWN);
    const views = await Promise.all(replies.map((reply) => withAttachments(ctx.db, reply, replyView(reply))));
    return widgetTicket(ticket, await ticketForm(ctx.db, ctx.workspace._id), views);
  },
});

/** The visitor replies on their ticket; a ticket waiting on them (or resolved) goes back to in progress. */
export const reply = visitorMutation({
  args: { ticketId: v.string(), body: v.string() },
  handler: async (ctx, args): Promise<{ id: string }> => {
    const body = checkTicketReply(args.body);
    const ticket = await visitorsTicket(ctx, args.ticketId);
    await enforceRateLimit(ctx, "messageSustained", `ticket:${ctx.visitor._id}`);
    const authorName = ctx.visitor.name ?? ctx.visitor.email;
    const id = await addReply(ctx, ticket, { author: "visitor", body, ...(authorName !== undefined ? { authorName } : {}) }, Date.now());
    return { id };
  },
});

// ---- Admin (REST) ----

const workspaceArgs = { workspaceId: v.id("workspaces") };

/** One page of the workspace's tickets (of one state), most recently updated first. */
export const adminList = internalQuery({
  args: { ...workspaceArgs, state: v.optional(ticketStateValidator), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiTicket>> => {
    const { state } = args;
    const query =
      state === undefined
        ? ctx.db.query("tickets").withIndex("by_workspace_updated", (q) => q.eq("workspaceId", args.workspaceId))
        : ctx.db
            .query("tickets")
            .withIndex("by_workspace_state_updated", (q) => q.eq("workspaceId", args.workspaceId).eq("state", state));
    return await mapPage(await query.order("desc").paginate(boundedPage(args.paginationOpts)), apiTicket);
  },
});

export const adminGet = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<ApiTicket | null> => {
    const ticket = await findInWorkspace(ctx.db, "tickets", args.workspaceId, args.id);
    return ticket === null ? null : apiTicket(ticket);
  },
});

/** Moves a ticket to `state` (or adds a note to the current one); every call is a history entry. */
export const adminUpdate = internalMutation({
  args: { ...workspaceArgs, id: v.string(), state: v.optional(ticketStateValidator), note: v.optional(v.string()) },
  handler: async (ctx, args): Promise<ApiTicket | null> => {
    const ticket = await findInWorkspace(ctx.db, "tickets", args.workspaceId, args.id);
    if (ticket === null) return null;
    // Every call is a history entry, as the REST API documents; a bare PATCH records the current state again.
    const change = { state: args.state ?? ticket.state, ...(args.note !== undefined ? { note: args.note } : {}) };
    return apiTicket(await changeTicket(ctx, ticket, change, Date.now()));
  },
});

export const adminGetForm = internalQuery({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<{ fields: TicketField[] }> => ({ fields: await ticketForm(ctx.db, args.workspaceId) }),
});

/** REST: an agent's reply the visitor sees in the messenger's Tickets tab; null when there is no such ticket. */
export const adminReply = internalMutation({
  args: { ...workspaceArgs, id: v.string(), body: v.string(), authorName: v.optional(v.string()), fileIds: v.optional(v.array(v.string())) },
  handler: async (ctx, args): Promise<{ id: Id<"ticketReplies">; createdAt: number; attachments?: AttachmentView[] } | null> => {
    const ticket = await findInWorkspace(ctx.db, "tickets", args.workspaceId, args.id);
    if (ticket === null) return null;
    const fileIds = args.fileIds ?? [];
    const body = fileIds.length > 0 && args.body.trim() === "" ? "" : checkTicketReply(args.body);
    const now = Date.now();
    const authorName = args.authorName?.trim();
    const uploads = await claimApiFiles(ctx.db, ticket, fileIds, now);
    const attachments = uploads.length > 0 ? { attachments: attachmentsOf(uploads) } : {};
    const id = await addReply(ctx, ticket, { author: "agent", body, ...(authorName ? { authorName } : {}), ...attachments }, now);
    for (const upload of uploads) await ctx.db.patch("uploads", upload._id, { ticketReplyId: id });
    return await withAttachments(ctx.db, { ...attachments }, { id, createdAt: now });
  },
});

export const adminSetForm = internalMutation({
  args: { ...workspaceArgs, fields: v.array(ticketFieldValidator) },
  handler: async (ctx, args): Promise<{ fields: TicketField[] }> => {
    const existing = await ctx.db
      .query("ticketForms")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .unique();
    const now = Date.now();
    if (existing === null) await ctx.db.insert("ticketForms", { workspaceId: args.workspaceId, fields: args.fields, updatedAt: now });
    else await ctx.db.patch(existing._id, { fields: args.fields, updatedAt: now });
    return { fields: args.fields };
  },
});
