import type { ConnectionStatus } from "../../runtime/ui-state";
import { useT } from "./i18n";

/** Tells the visitor when the live connection is down; quiet when all is well. */
export function StatusBanner({ connection, ready }: { connection: ConnectionStatus; ready: boolean }) {
  const t = useT();
  const text = connection === "reconnecting" ? t.reconnecting : connection === "connecting" && !ready ? t.connecting : null;
  return (
    <p class="oc-banner" role="status" hidden={text === null}>
      {text}
    </p>
  );
}
