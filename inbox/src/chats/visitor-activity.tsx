import type { VisitorProfile } from "../../../convex/inboxVisitors";
import { hrefOf } from "../routes";
import { shortTime } from "./time";

/** "Europe/Paris · 14:05 there": the zone and the visitor's wall clock now, or the zone alone if the browser does not know it. */
export function visitorClock(timeZone: string, now: number): string {
  try {
    const time = new Intl.DateTimeFormat(undefined, { timeZone, hour: "2-digit", minute: "2-digit" }).format(now);
    return `${timeZone} · ${time} there`;
  } catch {
    return timeZone;
  }
}

/** Where the visitor has been, what they did, and the tickets they filed. */
export function VisitorActivity({ visitor, now }: { visitor: VisitorProfile; now: number }) {
  return (
    <>
      <h3>Pages visited</h3>
      {visitor.pageHistory.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <ul class="plain" aria-label="Pages visited">
          {visitor.pageHistory.map((page) => (
            <li key={page.url} class="wrap">
              {page.url} <span class="muted">· {shortTime(page.at, now)}</span>
            </li>
          ))}
        </ul>
      )}
      {visitor.recentEvents.length > 0 && (
        <>
          <h3>Events</h3>
          <ul class="plain" aria-label="Events">
            {visitor.recentEvents.map((event, index) => (
              <li key={`${event.name}-${event.at}-${index}`}>
                {event.name} <span class="muted">· {shortTime(event.at, now)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Tickets</h3>
      {visitor.tickets.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain" aria-label="Tickets filed">
          {visitor.tickets.map((ticket) => (
            <li key={ticket.id}>
              <a href={hrefOf({ screen: "tickets", ticketId: ticket.code })}>
                {ticket.code} {ticket.subject}
              </a>{" "}
              <span class="muted">· {ticket.state.replace(/_/g, " ")} · {shortTime(ticket.updatedAt, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
