import { useEffect, useRef } from "preact/hooks";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { protocolTicketState } from "../../../core/apps/events";
import type { AppEventHub } from "../../apps/event-hub";
import { hrefOf } from "../routes";
import type { ScreenActions } from "../apps/app-panels";
import { selectedTicketPayload, ticketSummary } from "./ticket-summary";

/**
 * The Tickets screen as its apps see it: the queue (`tickets:queueSummary`) whenever it
 * changes, the open ticket (`ticket:selected`), a change of its state while it is open
 * (`ticket:statusChanged`), and `navigateToTicket`, which opens a ticket by its code.
 */
export function useTicketApps(
  hub: AppEventHub,
  queue: readonly OperatorTicketSummary[] | undefined,
  selected: OperatorTicketSummary | undefined,
): ScreenActions {
  useEffect(() => {
    if (queue === undefined) return;
    const now = Date.now();
    hub.emit("tickets:queueSummary", { tickets: queue.map((ticket) => ticketSummary(ticket, now)), total: queue.length });
  }, [hub, queue]);

  // Sent again when what an app shows of the ticket changes, not on every second's redraw.
  const selectedKey = selected && [selected.id, selected.state, selected.priority, selected.assignee?.id, selected.supportTeam?.id, selected.updatedAt].join("|");
  const lastState = useRef<{ id: string; state: string } | null>(null);
  useEffect(() => {
    if (selected === undefined) return;
    const now = Date.now();
    const previous = lastState.current;
    lastState.current = { id: selected.id, state: selected.state };
    hub.emit("ticket:selected", selectedTicketPayload(selected, now));
    if (previous === null || previous.id !== selected.id || previous.state === selected.state) return;
    const previousState = protocolTicketState(previous.state);
    const newState = protocolTicketState(selected.state);
    if (previousState === null || newState === null) return;
    hub.emit("ticket:statusChanged", { ticketCode: selected.code, previousState, newState, metrics: ticketSummary(selected, now).metrics });
  }, [hub, selectedKey]);

  return {
    navigateToTicket: (ticketCode) => {
      window.location.hash = hrefOf({ screen: "tickets", ticketId: ticketCode });
    },
  };
}
