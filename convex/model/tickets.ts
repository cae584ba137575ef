import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { WithoutSystemFields } from "convex/server";
import { appError } from "../lib/errors";
import type { Attachment, TicketState } from "../lib/messengerValidators";
import { emitWebhookEvent } from "../outgoing/webhookEvents";
import { scheduleSlaCheck } from "./ticketSla";
import { priorityOf, stateChangesOf } from "../lib/ticketFields";
import { withStateChange } from "../lib/ticketRules";
import type { TicketPriority } from "../lib/ticketValidators";

/**
 * Every write to a ticket goes through here, so each change lands in its
 * timestamped list (what the SLA clocks read), the visitor-facing history when
 * it is a state change or a note, and re-plans the ticket's breach check.
 */

/** Each list of changes holds at most this many entries; past it a ticket refuses that kind of change. */
export const TICKET_CHANGES_MAX = 1000;

export type TicketChange = {
  state?: TicketState;
  /** Shown to the visitor with the state (a note alone is recorded against the current state). */
  note?: string;
  priority?: TicketPriority;
  /** null unassigns. */
  assigneeId?: Id<"members"> | null;
  /** null leaves every team. */
  supportTeamId?: Id<"supportTeams"> | null;
  /** The member making the change; absent for the REST API and the visitor. */
  by?: Id<"members">;
};

export async function createTicket(
  ctx: MutationCtx,
  input: { workspaceId: Id<"workspaces">; visitorId: Id<"visitors">; title: string; fields: Record<string, string> },
  now: number,
): Promise<Doc<"tickets">> {
  const last = await ctx.db
    .query("tickets")
    .withIndex("by_workspace_number", (q) => q.eq("workspaceId", input.workspaceId))
    .order("desc")
    .first();
  const id = await ctx.db.insert("tickets", {
    ...input,
    number: (last?.number ?? 0) + 1,
    state: "submitted",
    history: withStateChange([], "submitted", now),
    createdAt: now,
    updatedAt: now,
    priority: "MEDIUM",
    stateChanges: [{ state: "submitted", at: now }],
  });
  await emitWebhookEvent(ctx, input.workspaceId, "ticket.created", { ticketId: id });
  return await scheduleSlaCheck(ctx, id, now);
}

type TicketFields = WithoutSystemFields<Doc<"tickets">>;
/** What db.patch takes: `undefined` removes an optional field. */
type TicketPatch = { [K in keyof TicketFields]?: undefined extends TicketFields[K] ? TicketFields[K] | undefined : TicketFields[K] };

export async function changeTicket(ctx: MutationCtx, ticket: Doc<"tickets">, change: TicketChange, now: number): Promise<Doc<"tickets">> {
  const by = change.by === undefined ? {} : { by: change.by };
  // `undefined` removes a field (unassigning, leaving every team).
  const patch: TicketPatch = {};
  if (change.state !== undefined || change.note !== undefined) {
    const state = change.state ?? ticket.state;
    patch.history = withStateChange(ticket.history, state, now, change.note);
    if (state !== ticket.state) {
      patch.state = state;
      patch.stateChanges = appended(stateChangesOf(ticket), { state, at: now, ...by }, "state");
    }
  }
  if (change.priority !== undefined && change.priority !== priorityOf(ticket)) {
    patch.priority = change.priority;
    patch.priorityChanges = appended(ticket.priorityChanges ?? [], { priority: change.priority, at: now, ...by }, "priority");
  }
  if (change.assigneeId !== undefined && change.assigneeId !== (ticket.assigneeId ?? null)) {
    patch.assigneeId = change.assigneeId ?? undefined;
    patch.assigneeChanges = appended(ticket.assigneeChanges ?? [], { assigneeId: change.assigneeId, at: now, ...by }, "assigneeId");
  }
  if (change.supportTeamId !== undefined && change.supportTeamId !== (ticket.supportTeamId ?? null)) {
    patch.supportTeamId = change.supportTeamId ?? undefined;
    patch.teamChanges = appended(ticket.teamChanges ?? [], { supportTeamId: change.supportTeamId, at: now, ...by }, "supportTeamId");
  }
  if (Object.keys(patch).length === 0) return ticket;
  await ctx.db.patch(ticket._id, { ...patch, updatedAt: now });
  if (patch.state !== undefined) {
    await emitWebhookEvent(ctx, ticket.workspaceId, "ticket.state_changed", { ticketId: ticket._id, previousState: ticket.state });
  }
  return await scheduleSlaCheck(ctx, ticket._id, now);
}

function appended<T>(list: readonly T[], entry: T, field: string): T[] {
  if (list.length >= TICKET_CHANGES_MAX) {
    throw appError("CONFLICT", `This ticket has had ${TICKET_CHANGES_MAX} changes of this kind; open a new ticket.`, field);
  }
  return [...list, entry];
}

/**
 * A reply on the ticket. The team's first one stops the first-response clock;
 * the visitor's reopens a ticket that was waiting on them or resolved.
 */
export async function addReply(
  ctx: MutationCtx,
  ticket: Doc<"tickets">,
  // An agent's reply from the inbox names its member; one through the REST API (an API key) names none.
  reply:
    | { author: "agent"; memberId?: Id<"members">; authorName?: string; body: string; attachments?: Attachment[] }
    | { author: "visitor"; authorName?: string; body: string },
  now: number,
): Promise<Id<"ticketReplies">> {
  if (ticket.state === "cancelled") throw appError("CONFLICT", "This ticket was cancelled; open a new one.", "ticketId");
  const id = await ctx.db.insert("ticketReplies", { workspaceId: ticket.workspaceId, ticketId: ticket._id, ...reply, createdAt: now });
  if (reply.author === "visitor" && (ticket.state === "waiting_on_customer" || ticket.state === "resolved")) {
    await changeTicket(ctx, ticket, { state: "in_progress" }, now);
  } else if (reply.author === "agent" && ticket.firstResponseAt === undefined) {
    await ctx.db.patch(ticket._id, { firstResponseAt: now, updatedAt: now });
    await scheduleSlaCheck(ctx, ticket._id, now);
  } else {
    await ctx.db.patch(ticket._id, { updatedAt: now });
  }
  return id;
}
