import { useState } from "preact/hooks";
import type { OperatorTicket } from "../../../convex/model/ticketDetails";
import { hrefOf } from "../routes";
import type { Workspace } from "../workspace";
import { errorMessage } from "../use-convex";
import { SlaMetrics } from "./sla-metrics";
import { TicketFields } from "./ticket-fields";
import { TicketHistory } from "./ticket-history";
import { TicketReplies } from "./ticket-replies";

type Props = { workspace: Workspace; ticket: OperatorTicket; now: number };

/** A ticket: who filed it and what they said, its fields, SLA clocks, replies and history. */
export function TicketDetail({ workspace, ticket, now }: Props) {
  const [error, setError] = useState<string | null>(null);
  const onAction = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <section class="ticket-pane" aria-labelledby="ticket-heading">
      <header class="conversation-header">
        <a class="back" href={hrefOf({ screen: "tickets", ticketId: null })}>Back to tickets</a>
        <h2 id="ticket-heading">
          <span class="code">{ticket.code}</span> {ticket.subject}
        </h2>
        <p class="muted ticket-author">
          From {ticket.author.name ?? "an anonymous visitor"}
          {ticket.author.email && ` · ${ticket.author.email}`}
        </p>
      </header>
      <div class="ticket-body">
        <TicketFields workspace={workspace} ticket={ticket} onAction={onAction} />
        {error && <p role="alert" class="error">{error}</p>}
        {ticket.fields.length > 0 && (
          <dl class="ticket-answers">
            {ticket.fields.map((field) => (
              <div key={field.id}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <SlaMetrics ticket={ticket} now={now} />
        <TicketReplies workspace={workspace} ticket={ticket} now={now} />
        <TicketHistory history={ticket.history} now={now} />
      </div>
    </section>
  );
}
