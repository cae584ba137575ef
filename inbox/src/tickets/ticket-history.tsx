import type { TicketEvent } from "../../../convex/model/ticketDetails";
import { shortTime } from "../chats/time";
import { PRIORITY_LABELS, STATE_LABELS } from "./queue";

/** One line per change, oldest first. */
export function describeEvent(event: TicketEvent): string {
  const by = "by" in event && event.by?.name ? ` by ${event.by.name}` : "";
  switch (event.kind) {
    case "state":
      return `State set to ${STATE_LABELS[event.state]}${by}`;
    case "note":
      return `Note to the customer: ${event.note}`;
    case "priority":
      return `Priority set to ${PRIORITY_LABELS[event.priority]}${by}`;
    case "assignee":
      return `${event.assignee ? `Assigned to ${event.assignee.name ?? "a former member"}` : "Unassigned"}${by}`;
    case "supportTeam":
      return `${event.supportTeam ? `Moved to ${event.supportTeam.name ?? "a removed team"}` : "Removed from its team"}${by}`;
  }
}

export function TicketHistory({ history, now }: { history: readonly TicketEvent[]; now: number }) {
  return (
    <section aria-labelledby="history-heading" class="card">
      <h2 id="history-heading">History</h2>
      <ol class="ticket-history">
        {history.map((event, index) => (
          <li key={index}>
            <time dateTime={new Date(event.at).toISOString()}>{shortTime(event.at, now)}</time> {describeEvent(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
