import type { Doc } from "../_generated/dataModel";
import type { TicketField, TicketState } from "./messengerValidators";
import { priorityOf, ticketCode } from "./ticketFields";
import type { TicketPriority } from "./ticketValidators";
import type { AttachmentView } from "./attachmentViews";

type History = { state: TicketState; at: number; note: string | null }[];

export type WidgetTicketSummary = {
  id: string;
  /** "TK-12". */
  code: string;
  number: number;
  /** The subject. */
  title: string;
  state: TicketState;
  createdAt: number;
  updatedAt: number;
};

/** A reply on a ticket as the visitor sees it: the team's replies carry the agent's name. */
export type TicketReplyView = {
  id: string;
  author: "agent" | "visitor";
  authorName: string | null;
  body: string;
  createdAt: number;
  /** Only on replies with files. */
  attachments?: AttachmentView[];
};

export type WidgetTicket = WidgetTicketSummary & {
  /** The answers with their labels, in the form's order (answers to removed fields last, labelled by id). */
  fields: { id: string; label: string; value: string }[];
  history: History;
  /** Oldest first. */
  replies: TicketReplyView[];
};

export type ApiTicket = WidgetTicketSummary & {
  visitorId: string;
  priority: TicketPriority;
  fields: Record<string, string>;
  history: History;
};

export function ticketSummary(ticket: Doc<"tickets">): WidgetTicketSummary {
  return {
    id: ticket._id,
    code: ticketCode(ticket.number),
    number: ticket.number,
    title: ticket.title,
    state: ticket.state,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}

export function history(ticket: Doc<"tickets">): History {
  return ticket.history.map((entry) => ({ state: entry.state, at: entry.at, note: entry.note ?? null }));
}

export function replyView(reply: Doc<"ticketReplies">): TicketReplyView {
  return { id: reply._id, author: reply.author, authorName: reply.authorName ?? null, body: reply.body, createdAt: reply.createdAt };
}

/** The answers with their labels, in the form's order. */
export function labelledFields(ticket: Doc<"tickets">, form: readonly TicketField[]): { id: string; label: string; value: string }[] {
  const labels = new Map(form.map((field, index) => [field.id, { label: field.label, index }]));
  return Object.entries(ticket.fields)
    .map(([id, value]) => ({ id, value, label: labels.get(id)?.label ?? id, index: labels.get(id)?.index ?? Infinity }))
    .sort((a, b) => a.index - b.index)
    .map(({ id, label, value }) => ({ id, label, value }));
}

export function widgetTicket(ticket: Doc<"tickets">, form: readonly TicketField[], replies: TicketReplyView[]): WidgetTicket {
  return { ...ticketSummary(ticket), fields: labelledFields(ticket, form), history: history(ticket), replies };
}

export function apiTicket(ticket: Doc<"tickets">): ApiTicket {
  return {
    ...ticketSummary(ticket),
    visitorId: ticket.visitorId,
    priority: priorityOf(ticket),
    fields: { ...ticket.fields },
    history: history(ticket),
  };
}
