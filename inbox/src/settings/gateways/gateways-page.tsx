import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { SettingsPageProps } from "../page";
import { useQuery } from "../../use-convex";
import { BroadcastSection } from "./broadcast-section";
import { DeliveriesSection } from "./deliveries-section";
import { GatewayForm } from "./gateway-form";

/**
 * Chat gateways: an outside chat service (a messenger bridge, a bot platform, the
 * team's own app) whose chats land in the inbox. Admins only; the server checks.
 */
export function GatewaysPage({ workspace }: SettingsPageProps) {
  const { data: gateways, error } = useQuery(api.gatewaysInbox.list, { workspaceId: workspace.workspaceId });
  const [selectedId, setSelectedId] = useState<string | "new" | null>(null);
  const selected = gateways?.find((gateway) => gateway.id === selectedId) ?? (selectedId === "new" ? null : gateways?.[0] ?? null);
  const editing = selectedId === "new" ? null : selected;
  return (
    <>
      <section aria-labelledby="gateways-heading" class="card">
        <h2 id="gateways-heading">Chat gateways</h2>
        <p class="muted">
          Bring chats from your own app, a messenger bridge or a bot platform into the inbox. The service POSTs signed
          messages to the gateway's URI and receives the team's replies, signed the same way, at its callback URL.
        </p>
        {error && <p role="alert" class="error">{error.message}</p>}
        <div class="filters" role="group" aria-label="Gateways">
          {(gateways ?? []).map((gateway) => (
            <button key={gateway.id} type="button" aria-pressed={editing?.id === gateway.id} onClick={() => setSelectedId(gateway.id)}>
              {gateway.name}
            </button>
          ))}
          <button type="button" aria-pressed={editing === null} onClick={() => setSelectedId("new")}>New gateway</button>
        </div>
      </section>
      {gateways !== undefined && (
        <GatewayForm key={editing?.id ?? "new"} workspace={workspace} gateway={editing} onSaved={(id) => setSelectedId(id)} />
      )}
      {editing && <BroadcastSection workspace={workspace} gateway={editing} />}
      {editing && <DeliveriesSection workspace={workspace} gateway={editing} />}
    </>
  );
}
