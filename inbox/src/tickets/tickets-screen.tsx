import { useCallback, useMemo, useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import { AppPanels, useAppEventHub } from "../apps/app-panels";
import { useTicketApps } from "./ticket-app-events";
import { ShortcutSheet } from "../chats/shortcut-sheet";
import { useListShortcuts } from "../chats/use-shortcuts";
import { hrefOf } from "../routes";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";
import { DEFAULT_FILTER, queueArgs, sortQueue, type QueueFilter } from "./queue";
import { TicketDetail } from "./ticket-detail";
import { TicketQueue } from "./ticket-queue";
import { useNow } from "../use-now";
import "./tickets.css";

const PAGE = 25;
const PAGE_MAX = 100;
const ticketHref = (code: string) => hrefOf({ screen: "tickets", ticketId: code });

/**
 * The ticket queue and a ticket's detail (`#/tickets/<code or id>`). Both arrive over live
 * subscriptions; SLA countdowns redraw every second from the page's clock. The queue and the
 * selected ticket are handed to the screen's custom apps as well.
 */
export function TicketsScreen({ workspace, ticketId }: { workspace: Workspace; ticketId: string | null }) {
  const [filter, setFilter] = useState<QueueFilter>(DEFAULT_FILTER);
  const [limit, setLimit] = useState(PAGE);
  const now = useNow();
  const list = useQuery(api.ticketsInbox.list, {
    workspaceId: workspace.workspaceId,
    ...queueArgs(filter),
    paginationOpts: { numItems: limit, cursor: null },
  });
  const detail = useQuery(api.ticketsInbox.get, ticketId === null ? "skip" : { workspaceId: workspace.workspaceId, ticket: ticketId });
  const page = list.data?.page;
  // The order by urgency is taken when the data or the order changes, not every second, so rows do not jump.
  const queue = useMemo(() => (page === undefined ? undefined : sortQueue(page, filter.sort, Date.now())), [page, filter.sort]);
  const selected = detail.data;
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const current = selected?.code ?? (ticketId === null ? null : ticketId.toUpperCase());
  useListShortcuts(queue?.map((ticket) => ticket.code) ?? [], current, ticketHref, openHelp);
  const appHub = useAppEventHub();
  const appActions = useTicketApps(appHub, queue, selected);
  return (
    <main class={ticketId === null ? "chats tickets" : "chats tickets has-selection"}>
      <section class="list-pane" aria-labelledby="tickets-heading">
        <div class="list-title">
          <h1 id="tickets-heading">Tickets</h1>
          <button type="button" class="quiet" aria-keyshortcuts="?" onClick={openHelp}>Shortcuts</button>
        </div>
        {list.error && <p role="alert" class="error">{list.error.message}</p>}
        <TicketQueue
          tickets={queue}
          filter={filter}
          onFilter={(next) => {
            setFilter(next);
            setLimit(PAGE);
          }}
          selectedCode={ticketId}
          now={now}
          hasMore={list.data !== undefined && !list.data.isDone && limit < PAGE_MAX}
          onLoadMore={() => setLimit((current) => Math.min(PAGE_MAX, current + PAGE))}
        />
      </section>
      {ticketId === null ? (
        <section class="conversation-pane empty-pane" aria-label="Ticket">
          <p>Pick a ticket.</p>
        </section>
      ) : detail.error ? (
        <section class="conversation-pane empty-pane" aria-label="Ticket">
          <p role="alert" class="error">{detail.error.message}</p>
        </section>
      ) : selected === undefined ? (
        <section class="conversation-pane empty-pane" aria-label="Ticket">
          <p class="loading">Loading…</p>
        </section>
      ) : (
        <TicketDetail key={selected.id} workspace={workspace} ticket={selected} now={now} />
      )}
      <AppPanels workspace={workspace} screen="TICKETS" hub={appHub} actions={appActions} asColumn />
      <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
    </main>
  );
}
