import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { mutation, query, type QueryCtx } from "./_generated/server";
import { appError } from "./lib/errors";
import { ticketStateValidator } from "./lib/messengerValidators";
import { requireOperator } from "./model/operatorAccess";
import { loadSlaContext } from "./lib/slaClock";
import { numberOfCode } from "./lib/ticketFields";
import { checkTicketReply, TICKET_NOTE_MAX } from "./lib/ticketRules";
import { ticketPriorityValidator } from "./lib/ticketValidators";
import { findInWorkspace } from "./model/engagement";
import { nameBook, operatorDetail, operatorSummary, type OperatorTicket, type OperatorTicketSummary } from "./model/ticketDetails";
import { addReply, changeTicket, type TicketChange } from "./model/tickets";
import { ticketForm } from "./tickets";

/*
 * Tickets in the operator inbox: the queue by state and priority, a ticket with
 * its fields, history, replies and SLA metrics, and the changes operators make.
 * Every function checks that the caller is a member of the workspace.
 */

const PAGE_MAX = 100;

/** The queue, most recently updated first; filter by state, priority or both. */
export const list = query({
  args: {
    workspaceId: v.id("workspaces"),
    state: v.optional(ticketStateValidator),
    priority: v.optional(ticketPriorityValidator),
    paginationOpts: paginationOptsValidator,
  },
  handler: async (ctx, args): Promise<PaginationResult<OperatorTicketSummary>> => {
    await requireOperator(ctx, args.workspaceId);
    const { workspaceId, state, priority } = args;
    const tickets = ctx.db.query("tickets");
    const indexed =
      state !== undefined && priority !== undefined
        ? tickets.withIndex("by_workspace_state_priority_updated", (q) => q.eq("workspaceId", workspaceId).eq("state", state).eq("priority", priority))
        : state !== undefined
          ? tickets.withIndex("by_workspace_state_updated", (q) => q.eq("workspaceId", workspaceId).eq("state", state))
          : priority !== undefined
            ? tickets.withIndex("by_workspace_priority_updated", (q) => q.eq("workspaceId", workspaceId).eq("priority", priority))
            : tickets.withIndex("by_workspace_updated", (q) => q.eq("workspaceId", workspaceId));
    const numItems = Math.max(1, Math.min(PAGE_MAX, Math.floor(args.paginationOpts.numItems)));
    const page = await indexed.order("desc").paginate({ ...args.paginationOpts, numItems });
    const context = await loadSlaContext(ctx.db, workspaceId);
    const names = nameBook(ctx.db);
    const now = Date.now();
    return { ...page, page: await Promise.all(page.page.map((ticket) => operatorSummary(ctx.db, names, ticket, context, now))) };
  },
});

/** One ticket by id or by code ("TK-12"); NOT_FOUND names `ticket`. */
export const get = query({
  args: { workspaceId: v.id("workspaces"), ticket: v.string() },
  handler: async (ctx, args): Promise<OperatorTicket> => {
    await requireOperator(ctx, args.workspaceId);
    const ticket = await resolveTicket(ctx, args.workspaceId, args.ticket);
    return await operatorDetail(ctx.db, ticket, await loadSlaContext(ctx.db, args.workspaceId), await ticketForm(ctx.db, args.workspaceId), Date.now());
  },
});

/** Changes state (with an optional note the visitor sees), priority, assignee or support team; null clears the last two. */
export const update = mutation({
  args: {
    workspaceId: v.id("workspaces"),
    ticket: v.string(),
    state: v.optional(ticketStateValidator),
    note: v.optional(v.string()),
    priority: v.optional(ticketPriorityValidator),
    assigneeId: v.optional(v.union(v.string(), v.null())),
    supportTeamId: v.optional(v.union(v.string(), v.null())),
  },
  handler: async (ctx, args): Promise<OperatorTicket> => {
    const { member } = await requireOperator(ctx, args.workspaceId);
    const ticket = await resolveTicket(ctx, args.workspaceId, args.ticket);
    const change: TicketChange = { by: member._id };
    // Picking the current state again records nothing, unless it carries a note.
    if (args.state !== undefined && (args.state !== ticket.state || args.note !== undefined)) change.state = args.state;
    if (args.priority !== undefined) change.priority = args.priority;
    if (args.note !== undefined) change.note = checkNote(args.note);
    if (args.assigneeId !== undefined) change.assigneeId = args.assigneeId === null ? null : await memberOf(ctx, args.workspaceId, args.assigneeId);
    if (args.supportTeamId !== undefined) {
      change.supportTeamId = args.supportTeamId === null ? null : await teamOf(ctx, args.workspaceId, args.supportTeamId);
    }
    const updated = await changeTicket(ctx, ticket, change, Date.now());
    return await operatorDetail(ctx.db, updated, await loadSlaContext(ctx.db, args.workspaceId), await ticketForm(ctx.db, args.workspaceId), Date.now());
  },
});

/** A reply the visitor sees in the messenger's Tickets tab; the first one stops the first-response clock. */
export const reply = mutation({
  args: { workspaceId: v.id("workspaces"), ticket: v.string(), body: v.string() },
  handler: async (ctx, args): Promise<{ id: string }> => {
    const { member } = await requireOperator(ctx, args.workspaceId);
    const body = checkTicketReply(args.body);
    const ticket = await resolveTicket(ctx, args.workspaceId, args.ticket);
    const id = await addReply(ctx, ticket, { author: "agent", memberId: member._id, body, authorName: member.name }, Date.now());
    return { id };
  },
});

async function resolveTicket(ctx: QueryCtx, workspaceId: Id<"workspaces">, ref: string): Promise<Doc<"tickets">> {
  const number = numberOfCode(ref);
  const ticket =
    number === null
      ? await findInWorkspace(ctx.db, "tickets", workspaceId, ref)
      : await ctx.db
          .query("tickets")
          .withIndex("by_workspace_number", (q) => q.eq("workspaceId", workspaceId).eq("number", number))
          .unique();
  if (ticket === null) throw appError("NOT_FOUND", "Ticket not found.", "ticket");
  return ticket;
}

function checkNote(note: string): string {
  const trimmed = note.trim();
  if (trimmed.length === 0 || trimmed.length > TICKET_NOTE_MAX) throw appError("INVALID_ARGUMENT", `note must be 1–${TICKET_NOTE_MAX} characters.`, "note");
  return trimmed;
}

async function memberOf(ctx: QueryCtx, workspaceId: Id<"workspaces">, id: string): Promise<Id<"members">> {
  const member = await findInWorkspace(ctx.db, "members", workspaceId, id);
  if (member === null) throw appError("INVALID_ARGUMENT", "assigneeId is not a member of this workspace.", "assigneeId");
  return member._id;
}

async function teamOf(ctx: QueryCtx, workspaceId: Id<"workspaces">, id: string): Promise<Id<"supportTeams">> {
  const team = await findInWorkspace(ctx.db, "supportTeams", workspaceId, id);
  if (team === null) throw appError("INVALID_ARGUMENT", "supportTeamId is not a support team of this workspace.", "supportTeamId");
  return team._id;
}
