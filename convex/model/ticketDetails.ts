import type { SlaMetrics, SlaThresholds, TicketTimeline, WeeklyHours } from "../../core/sla/types";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import type { TicketField, TicketState } from "../lib/messengerValidators";
import { ticketMetrics, type SlaContext } from "../lib/slaClock";
import { priorityOf, stateChangesOf, ticketCode, timelineOf } from "../lib/ticketFields";
import type { SlaMetricKey, TicketPriority } from "../lib/ticketValidators";
import { withAttachments } from "../lib/attachmentViews";
import { labelledFields, replyView, type TicketReplyView } from "../lib/ticketViews";

/**
 * Tickets as operators see them: people and teams by name, the SLA metrics at
 * the server's `now`, and the clock's inputs so a page can recompute them
 * against its own clock with the same core function.
 */

export type NamedRef = { id: string; name: string | null };

export type OperatorTicketSummary = {
  id: string;
  code: string;
  number: number;
  subject: string;
  state: TicketState;
  priority: TicketPriority;
  author: { visitorId: string; name: string | null; email: string | null };
  assignee: NamedRef | null;
  supportTeam: NamedRef | null;
  createdAt: number;
  updatedAt: number;
  metrics: SlaMetrics;
  /** The instant `metrics` were computed at. */
  metricsAt: number;
  /** What the metrics are computed from: pass to core/sla's computeSlaMetrics with any `now`. */
  clock: { timeline: TicketTimeline; thresholds: SlaThresholds | null; officeHours: WeeklyHours | null };
  slaBreaches: { metric: SlaMetricKey; breachDate: number; recordedAt: number }[];
};

export type TicketEvent =
  | { kind: "state"; state: TicketState; at: number; by: NamedRef | null }
  | { kind: "note"; state: TicketState; note: string; at: number }
  | { kind: "priority"; priority: TicketPriority; at: number; by: NamedRef | null }
  | { kind: "assignee"; assignee: NamedRef | null; at: number; by: NamedRef | null }
  | { kind: "supportTeam"; supportTeam: NamedRef | null; at: number; by: NamedRef | null };

export type OperatorTicket = OperatorTicketSummary & {
  fields: { id: string; label: string; value: string }[];
  /** Every change, oldest first. */
  history: TicketEvent[];
  replies: TicketReplyView[];
};

/** Looks up members, teams and visitors once per call. */
export function nameBook(db: DatabaseReader) {
  const cache = new Map<string, Promise<NamedRef | null>>();
  const named = (id: Id<"members"> | Id<"supportTeams"> | null | undefined): Promise<NamedRef | null> => {
    if (id === null || id === undefined) return Promise.resolve(null);
    let found = cache.get(id);
    if (found === undefined) {
      found = db.get(id).then((doc) => (doc === null ? { id, name: null } : { id, name: doc.name ?? ("email" in doc ? (doc.email ?? null) : null) }));
      cache.set(id, found);
    }
    return found;
  };
  return { named };
}

export type NameBook = ReturnType<typeof nameBook>;

export async function operatorSummary(
  db: DatabaseReader,
  names: NameBook,
  ticket: Doc<"tickets">,
  context: SlaContext,
  now: number,
): Promise<OperatorTicketSummary> {
  const visitor = await db.get(ticket.visitorId);
  return {
    id: ticket._id,
    code: ticketCode(ticket.number),
    number: ticket.number,
    subject: ticket.title,
    state: ticket.state,
    priority: priorityOf(ticket),
    author: { visitorId: ticket.visitorId, name: visitor?.name ?? null, email: visitor?.email ?? null },
    assignee: await names.named(ticket.assigneeId),
    supportTeam: await names.named(ticket.supportTeamId),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    metrics: ticketMetrics(ticket, context, now),
    metricsAt: now,
    clock: { timeline: withoutUndefined(timelineOf(ticket)), thresholds: context.policies.get(priorityOf(ticket)) ?? null, officeHours: context.officeHours },
    slaBreaches: ticket.slaBreaches ?? [],
  };
}

export async function operatorDetail(
  db: DatabaseReader,
  ticket: Doc<"tickets">,
  context: SlaContext,
  form: readonly TicketField[],
  now: number,
): Promise<OperatorTicket> {
  const names = nameBook(db);
  const replies = await db
    .query("ticketReplies")
    .withIndex("by_ticket_created", (q) => q.eq("ticketId", ticket._id))
    .collect();
  return {
    ...(await operatorSummary(db, names, ticket, context, now)),
    fields: labelledFields(ticket, form),
    history: await events(ticket, names),
    replies: await Promise.all(replies.map((reply) => withAttachments(db, reply, replyView(reply)))),
  };
}

async function events(ticket: Doc<"tickets">, names: NameBook): Promise<TicketEvent[]> {
  const list: TicketEvent[] = [];
  for (const change of stateChangesOf(ticket)) list.push({ kind: "state", state: change.state, at: change.at, by: await names.named(change.by) });
  for (const entry of ticket.history) if (entry.note !== undefined) list.push({ kind: "note", state: entry.state, note: entry.note, at: entry.at });
  for (const change of ticket.priorityChanges ?? []) list.push({ kind: "priority", priority: change.priority, at: change.at, by: await names.named(change.by) });
  for (const change of ticket.assigneeChanges ?? []) {
    list.push({ kind: "assignee", assignee: await names.named(change.assigneeId), at: change.at, by: await names.named(change.by) });
  }
  for (const change of ticket.teamChanges ?? []) {
    list.push({ kind: "supportTeam", supportTeam: await names.named(change.supportTeamId), at: change.at, by: await names.named(change.by) });
  }
  // A stable sort keeps a state change before the note made with it.
  return list.sort((a, b) => a.at - b.at);
}

/** Convex values cannot hold `undefined`. */
function withoutUndefined(timeline: TicketTimeline): TicketTimeline {
  const { firstResponseAt, ...rest } = timeline;
  return firstResponseAt === undefined ? rest : { ...rest, firstResponseAt };
}
