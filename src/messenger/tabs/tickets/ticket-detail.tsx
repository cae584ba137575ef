import { backend } from "../../../runtime/functions";
import { useQuery } from "../../panel/hooks";
import { useI18n } from "../../panel/i18n";
import type { MessengerController } from "../../types";
import { LiveContent } from "../../panel/live-content";
import { TicketReplies } from "./ticket-replies";
import { parseTicket, type Ticket } from "./wire";

/** One ticket, live: its state, the answers, the conversation with the team, and every state it went through with the agents' notes. */
export function TicketDetail({ controller, ticketId }: { controller: MessengerController; ticketId: string }) {
  const [ticket, retry] = useQuery(controller, backend.tickets.get, { ticketId }, parseTicket);
  return (
    <LiveContent state={ticket} retry={retry}>
      {(data) => (
        <>
          <TicketView ticket={data} />
          <TicketReplies controller={controller} ticketId={data.id} replies={data.replies} canReply={data.state !== "cancelled"} />
        </>
      )}
    </LiveContent>
  );
}

function TicketView({ ticket: data }: { ticket: Ticket }) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <article class="oc-ticket" aria-labelledby="oc-ticket-title">
      <p class="oc-item-text">{t.ticketCode(data.code)}</p>
      <h3 id="oc-ticket-title" class="oc-item-title">
        {data.title}
      </h3>
      <p class={`oc-status oc-status-${data.state}`} role="status">
        {t.ticketState[data.state]}
      </p>
      {data.fields.length > 0 && (
        <section aria-labelledby="oc-ticket-details">
          <h4 id="oc-ticket-details" class="oc-ticket-heading">
            {t.ticketDetails}
          </h4>
          <dl class="oc-ticket-fields">
            {data.fields.map((field) => (
              <div key={field.id}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="oc-ticket-history">
        <h4 id="oc-ticket-history" class="oc-ticket-heading">
          {t.ticketHistory}
        </h4>
        <ol class="oc-history">
          {data.history.map((entry, index) => (
            <li key={index}>
              <span class="oc-history-state">{t.ticketState[entry.state]}</span>
              <time dateTime={new Date(entry.at).toISOString()}>{when.format(entry.at)}</time>
              {entry.note && <p class="oc-history-note">{entry.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
