import { backend } from "../runtime/functions";
import type { ClientLike } from "../runtime/gateway";

/** How long a logout may take before the socket is closed anyway (the session expires on its own). */
const LOGOUT_TIMEOUT_MS = 10_000;

/** Revokes the session on the server, then closes the client. Never fails. */
export function endSession(client: ClientLike, token: string | undefined): void {
  const close = () => void client.close().catch(() => {});
  if (token === undefined) return close();
  const timer = setTimeout(close, LOGOUT_TIMEOUT_MS);
  client
    .mutation(backend.widgetSessions.logout, { sessionToken: token })
    .catch(() => {})
    .finally(() => {
      clearTimeout(timer);
      close();
    });
}
