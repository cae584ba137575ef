import { TICKET_PRIORITIES, TICKET_STATES } from "../../../core/sla";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { parsePriority, parseSort, parseState, PRIORITY_LABELS, SORTS, STATE_LABELS, type QueueFilter } from "./queue";
import { TicketRow } from "./ticket-row";

type Props = {
  tickets: readonly OperatorTicketSummary[] | undefined;
  filter: QueueFilter;
  onFilter: (filter: QueueFilter) => void;
  selectedCode: string | null;
  now: number;
  hasMore: boolean;
  onLoadMore: () => void;
};

/** The queue: filters by state and priority, an order, and the list named "Tickets". */
export function TicketQueue({ tickets, filter, onFilter, selectedCode, now, hasMore, onLoadMore }: Props) {
  const selected = selectedCode?.toUpperCase() ?? null;
  return (
    <>
      <div class="queue-filters">
        <label>
          Filter by state
          <select value={filter.state ?? ""} onChange={(event) => onFilter({ ...filter, state: parseState(event.currentTarget.value) })}>
            <option value="">Any state</option>
            {TICKET_STATES.map((state) => <option key={state} value={state}>{STATE_LABELS[state]}</option>)}
          </select>
        </label>
        <label>
          Filter by priority
          <select value={filter.priority ?? ""} onChange={(event) => onFilter({ ...filter, priority: parsePriority(event.currentTarget.value) })}>
            <option value="">Any priority</option>
            {TICKET_PRIORITIES.map((priority) => <option key={priority} value={priority}>{PRIORITY_LABELS[priority]}</option>)}
          </select>
        </label>
        <label>
          Sort by
          <select value={filter.sort} onChange={(event) => onFilter({ ...filter, sort: parseSort(event.currentTarget.value) })}>
            {SORTS.map((sort) => <option key={sort.value} value={sort.value}>{sort.label}</option>)}
          </select>
        </label>
      </div>
      {tickets === undefined ? (
        <p class="loading">Loading…</p>
      ) : (
        <>
          <ul class="conversation-list" aria-label="Tickets">
            {tickets.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} selected={ticket.code === selected || ticket.id === selectedCode} now={now} />
            ))}
          </ul>
          {tickets.length === 0 && <p class="empty">No tickets here.</p>}
          {hasMore && <button type="button" class="quiet load-more" onClick={onLoadMore}>Load more</button>}
        </>
      )}
    </>
  );
}
