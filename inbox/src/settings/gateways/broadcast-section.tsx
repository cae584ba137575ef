import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { GatewayView } from "../../../../convex/model/gateways";
import type { Workspace } from "../../workspace";
import { errorMessage, useQuery, useServices } from "../../use-convex";

/** `telegram:12345` or a bare `12345` (the platform then defaults to the gateway's own). */
function parseRecipients(text: string): Array<{ id: string; type: string }> {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const separator = line.indexOf(":");
      return separator > 0 ? { type: line.slice(0, separator).trim(), id: line.slice(separator + 1).trim() } : { type: "gateway", id: line };
    });
}

/** Send one message to recipients of the service's platform(s), and see which the service reported failed. */
export function BroadcastSection({ workspace, gateway }: { workspace: Workspace; gateway: GatewayView }) {
  const { client } = useServices();
  const args = { workspaceId: workspace.workspaceId, gatewayId: gateway.id };
  const { data: broadcasts } = useQuery(api.gatewaysInbox.broadcasts, args);
  const [error, setError] = useState<string | null>(null);
  const send = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(null);
    try {
      await client.mutation(api.gatewaysInbox.broadcast, {
        ...args,
        recipients: parseRecipients(String(data.get("recipients") ?? "")),
        text: String(data.get("text") ?? ""),
      });
      form.reset();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section aria-labelledby="broadcast-heading" class="card stack">
      <h2 id="broadcast-heading">Broadcast</h2>
      <form class="stack" onSubmit={send}>
        <label>
          Recipients (one per line, platform:id)
          <textarea name="recipients" rows={3} required placeholder="telegram:123456" />
        </label>
        <label>
          Broadcast message
          <textarea name="text" rows={2} required maxLength={5000} />
        </label>
        <button type="submit">Send broadcast</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {broadcasts !== undefined && broadcasts.length > 0 && (
        <ul class="plain broadcasts" aria-label="Broadcasts">
          {broadcasts.map((broadcast) => (
            <li key={broadcast.id}>
              <p class="wrap">
                “{broadcast.text}” · {new Date(broadcast.createdAt).toLocaleString()} · delivery {broadcast.deliveryStatus ?? "unknown"}
              </p>
              <ul aria-label={`Recipients of ${broadcast.text}`}>
                {broadcast.recipients.map((recipient) => (
                  <li key={recipient.id}>
                    {recipient.type}:{recipient.id} — {recipient.status === "failed" ? `failed: ${recipient.error}` : "sent"}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
