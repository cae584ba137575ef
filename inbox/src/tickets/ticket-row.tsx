import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { hrefOf } from "../routes";
import { PRIORITY_LABELS, STATE_LABELS } from "./queue";
import { metricsAt, ticketBadge } from "./sla";
import { SlaBadge } from "./sla-badge";

type Props = { ticket: OperatorTicketSummary; selected: boolean; now: number };

/** One queue row: code, subject, state, priority, assignee, team and the SLA badge. */
export function TicketRow({ ticket, selected, now }: Props) {
  const badge = ticketBadge(metricsAt(ticket, now), now);
  return (
    <li>
      <a href={hrefOf({ screen: "tickets", ticketId: ticket.code })} aria-current={selected ? "true" : undefined} class="row ticket-row">
        <span class="row-top">
          <span class="name">
            <span class="code">{ticket.code}</span> {ticket.subject}
          </span>
          {badge && <SlaBadge status={badge} />}
        </span>
        <span class="row-bottom ticket-tags">
          <span class={`state state-${ticket.state}`}>{STATE_LABELS[ticket.state]}</span>
          <span class={`priority priority-${ticket.priority}`}>{PRIORITY_LABELS[ticket.priority]}</span>
          <span class="muted">{ticket.assignee?.name ?? "Unassigned"}</span>
          {ticket.supportTeam && <span class="muted">{ticket.supportTeam.name}</span>}
        </span>
      </a>
    </li>
  );
}
