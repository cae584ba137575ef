import { strings } from "../strings";
import type { ConnectionStatus } from "../types";

/** Tells the visitor when the live connection is down; quiet when all is well. */
export function StatusBanner({ connection, ready }: { connection: ConnectionStatus; ready: boolean }) {
  const text =
    connection === "reconnecting" ? strings.reconnecting : connection === "connecting" && !ready ? strings.connecting : null;
  return (
    <p class="oc-banner" role="status" hidden={text === null}>
      {text}
    </p>
  );
}
