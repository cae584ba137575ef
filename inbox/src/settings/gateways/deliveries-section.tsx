import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { GatewayView } from "../../../../convex/model/gateways";
import type { Workspace } from "../../workspace";
import { errorMessage, useQuery, useServices } from "../../use-convex";

/** The callback's delivery log; a dead letter can be sent again. */
export function DeliveriesSection({ workspace, gateway }: { workspace: Workspace; gateway: GatewayView }) {
  const { client } = useServices();
  const args = { workspaceId: workspace.workspaceId, gatewayId: gateway.id };
  const { data: deliveries } = useQuery(api.gatewaysInbox.deliveries, args);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="deliveries-heading" class="card">
      <h2 id="deliveries-heading">Callback deliveries</h2>
      {error && <p role="alert" class="error">{error}</p>}
      {deliveries !== undefined && deliveries.length === 0 && <p class="muted">Nothing sent yet.</p>}
      {deliveries !== undefined && deliveries.length > 0 && (
        <table>
          <thead>
            <tr><th scope="col">What</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Latency</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{delivery.topic}</td>
                <td>{delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td class="wrap">{delivery.lastError ?? "—"}</td>
                <td>{delivery.latencyMs === null ? "—" : `${delivery.latencyMs} ms`}</td>
                <td>
                  {delivery.status === "dead" && (
                    <button type="button" class="quiet" onClick={() => void client.mutation(api.gatewaysInbox.retryDelivery, { ...args, deliveryId: delivery.id }).catch((failure: unknown) => setError(errorMessage(failure)))}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
