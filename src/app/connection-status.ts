import type { ConnectionState } from "convex/browser";
import type { ClientLike } from "../runtime/gateway";
import type { Store } from "../runtime/store";
import type { Timers } from "../runtime/timers";
import type { ConnectionStatus, WidgetUiState } from "../runtime/ui-state";

/** A short drop of the socket is not worth a banner: show "Reconnecting…" after this long. */
const RECONNECTING_GRACE_MS = 1500;

/** Mirrors the socket's state into the UI state; `onOnline` runs on every (re)connection. */
export function watchConnection(client: ClientLike, state: Store<WidgetUiState>, timers: Timers, onOnline: () => void): () => void {
  let cancelReconnecting = () => {};
  return client.subscribeToConnectionState((connection: ConnectionState) => {
    const status: ConnectionStatus = connection.isWebSocketConnected
      ? "online"
      : connection.hasEverConnected
        ? "reconnecting"
        : "connecting";
    cancelReconnecting();
    if (status !== "reconnecting") state.set({ connection: status });
    else cancelReconnecting = timers.timeout(() => state.set({ connection: status }), RECONNECTING_GRACE_MS);
    if (status === "online") onOnline();
  });
}
