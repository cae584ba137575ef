import type { Doc } from "../_generated/dataModel";
import type { TicketField, TicketState } from "./messengerValidators";

type History = { state: TicketState; at: number; note: string | null }[];

export type WidgetTicketSummary = { id: string; number: number; title: string; state: TicketState; createdAt: number; updatedAt: number };

export type WidgetTicket = WidgetTicketSummary & {
  /** The answers with their labels, in the form's order (answers to removed fields last, labelled by id). */
  fields: { id: string; label: string; value: string }[];
  history: History;
};

export type ApiTicket = WidgetTicketSummary & {
  visitorId: string;
  fields: Record<string, string>;
  history: History;
};

export function ticketSummary(ticket: Doc<"tickets">): WidgetTicketSummary {
  return {
    id: ticket._id,
    number: ticket.number,
    title: ticket.title,
    state: ticket.state,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}

function history(ticket: Doc<"tickets">): History {
  return ticket.history.map((entry) => ({ state: entry.state, at: entry.at, note: entry.note ?? null }));
}

export function widgetTicket(ticket: Doc<"tickets">, form: readonly TicketField[]): WidgetTicket {
  const labels = new Map(form.map((field, index) => [field.id, { label: field.label, index }]));
  const fields = Object.entries(ticket.fields)
    .map(([id, value]) => ({ id, value, label: labels.get(id)?.label ?? id, index: labels.get(id)?.index ?? Infinity }))
    .sort((a, b) => a.index - b.index)
    .map(({ id, label, value }) => ({ id, label, value }));
  return { ...ticketSummary(ticket), fields, history: history(ticket) };
}

export function apiTicket(ticket: Doc<"tickets">): ApiTicket {
  return { ...ticketSummary(ticket), visitorId: ticket.visitorId, fields: { ...ticket.fields }, history: history(ticket) };
}
