import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import type { AppEventPayloads, TicketSummary } from "../../../core/apps/events";
import { protocolTicketState } from "../../../core/apps/events";
import { metricsAt } from "./sla";

/**
 * A ticket as custom apps receive it, in the vendor format's fields: the protocol's state
 * words, the assignee by name and id, the SLA metrics at `now` (each with its breachDate,
 * so an app counts down on its own), the creation date in ISO 8601.
 */
export function ticketSummary(ticket: OperatorTicketSummary, now: number): TicketSummary {
  const summary: TicketSummary = {
    ticketCode: ticket.code,
    subject: ticket.subject,
    // A state newer than the protocol's words is still an open ticket to an app.
    state: protocolTicketState(ticket.state) ?? "OPEN",
    priority: ticket.priority,
    metrics: metricsAt(ticket, now),
    creationDate: new Date(ticket.createdAt).toISOString(),
  };
  if (ticket.assignee !== null) summary.assignee = { id: ticket.assignee.id, name: ticket.assignee.name ?? "" };
  return summary;
}

/** `ticket:selected`: the summary, the team's name, and the author's name split as the vendor format has it. */
export function selectedTicketPayload(ticket: OperatorTicketSummary, now: number): AppEventPayloads["ticket:selected"] {
  const payload: AppEventPayloads["ticket:selected"] = ticketSummary(ticket, now);
  if (ticket.supportTeam?.name) payload.supportTeam = ticket.supportTeam.name;
  const name = ticket.author.name?.trim();
  if (name) {
    const [firstName = "", ...rest] = name.split(/\s+/);
    payload.author = { firstName, lastName: rest.join(" ") };
  }
  return payload;
}
