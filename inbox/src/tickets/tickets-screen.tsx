import type { Workspace } from "../shell";

/** The ticket queue and a ticket's detail (`#/tickets/<id>`). */
export function TicketsScreen(_props: { workspace: Workspace; ticketId: string | null }) {
  return (
    <main class="screen">
      <h1>Tickets</h1>
    </main>
  );
}
