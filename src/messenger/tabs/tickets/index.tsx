import { formatAge } from "../../format";
import { backend } from "../../../runtime/functions";
import { useNow, useQuery } from "../../panel/hooks";
import { useI18n } from "../../panel/i18n";
import { LiveContent } from "../../panel/live-content";
import type { Route } from "../../panel/route";
import type { TabProps } from "../../panel/tab-props";
import { TabPage } from "../../panel/tab-header";
import { LIST_CSS } from "../list-styles";
import { TICKET_CSS } from "./styles";
import { TicketDetail } from "./ticket-detail";
import { TicketForm } from "./ticket-form";
import { parseTickets } from "./wire";

export const CSS = LIST_CSS + TICKET_CSS;

/** Tickets: the visitor's tickets (live, so an agent's change shows at once), a new ticket, one ticket's history. */
export default function TicketsTab({ controller, route, navigate, onClose }: TabProps) {
  const { t } = useI18n();
  const tickets = route as Extract<Route, { tab: "tickets" }>;
  const toList = { label: t.backToTickets, onBack: () => navigate({ tab: "tickets" }) };
  if (tickets.creating) {
    return (
      <TabPage title={t.newTicket} onClose={onClose} back={toList}>
        <TicketForm controller={controller} onCreated={(ticketId) => navigate({ tab: "tickets", ticketId })} />
      </TabPage>
    );
  }
  if (tickets.ticketId) {
    return (
      <TabPage title={t.tabs.tickets} onClose={onClose} back={toList}>
        <TicketDetail controller={controller} ticketId={tickets.ticketId} />
      </TabPage>
    );
  }
  return (
    <TabPage title={t.yourTickets} onClose={onClose}>
      <TicketList controller={controller} onOpen={(ticketId) => navigate({ tab: "tickets", ticketId })} />
      <button type="button" class="oc-primary" data-autofocus="" onClick={() => navigate({ tab: "tickets", creating: true })}>
        {t.newTicket}
      </button>
    </TabPage>
  );
}

function TicketList({ controller, onOpen }: { controller: TabProps["controller"]; onOpen(id: string): void }) {
  const { t, locale } = useI18n();
  const now = useNow(60_000);
  const [list, retry] = useQuery(controller, backend.tickets.listForVisitor, {}, parseTickets);
  return (
    <LiveContent state={list} retry={retry}>
      {(data) =>
        data.length === 0 ? (
          <p class="oc-note">{t.noTickets}</p>
        ) : (
          <ul class="oc-items">
            {data.map((ticket) => (
              <li key={ticket.id}>
                <button type="button" class="oc-item oc-ticket-row" onClick={() => onOpen(ticket.id)}>
                  <span class="oc-item-title">{ticket.title}</span>
                  <span class="oc-item-text">
                    {t.ticketCode(ticket.code)} · <span class={`oc-status oc-status-${ticket.state}`}>{t.ticketState[ticket.state]}</span> ·{" "}
                    {formatAge(ticket.updatedAt, now, t.justNow, locale)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      }
    </LiveContent>
  );
}
