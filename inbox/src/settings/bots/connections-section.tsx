import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { ConnectionSummary } from "../../../../convex/model/botConnections";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import type { Workspace } from "../../workspace";
import { ConnectionForm, type ConnectionValues } from "./connection-form";

type Props = { workspace: Workspace; stories: ReadonlyArray<{ id: string; name: string }>; connections: readonly ConnectionSummary[] };

/** The webhook connections: each with its last error, edited or deleted in place; a form to add one. */
export function ConnectionsSection({ workspace, stories, connections }: Props) {
  const { client } = useServices();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { workspaceId } = workspace;
  const create = async ({ storyId, ...fields }: ConnectionValues) => {
    await client.action(api.botSettings.createConnection, { workspaceId, storyId, ...fields });
  };
  const remove = (connection: ConnectionSummary) => {
    if (!window.confirm(`Delete the connection "${connection.name}"? Stories that call it hand off to the team.`)) return;
    setError(null);
    client.mutation(api.botSettings.removeConnection, { workspaceId, connectionId: connection.id }).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <section aria-labelledby="connections-heading" class="card">
      <h2 id="connections-heading">Webhook connections</h2>
      <p class="muted">A WEBHOOK node of a story calls its connection's bot server. See docs/bots.md for the protocol.</p>
      {error && <p role="alert" class="error">{error}</p>}
      <table>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">URL</th><th scope="col">Story</th><th scope="col">Last error</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <tr key={connection.id}>
              <td>{connection.name}</td>
              <td class="wrap">{connection.url}</td>
              <td>{connection.story.name}</td>
              <td class={connection.error ? "error" : "muted"}>{connection.error ?? "None"}</td>
              <td>
                <button type="button" class="link" onClick={() => setEditing(connection.id)}>Edit {connection.name}</button>{" "}
                <button type="button" class="link" onClick={() => remove(connection)}>Delete {connection.name}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing !== null && <EditConnection key={editing} workspace={workspace} connectionId={editing} onClose={() => setEditing(null)} />}
      <h3>Add a connection</h3>
      {stories.length === 0 ? <p class="muted">Save a story first: a connection belongs to one.</p> : <ConnectionForm stories={stories} current={null} onSubmit={create} />}
    </section>
  );
}

/** The edit form, filled from the connection's stored fields (secrets opened for admins only). */
function EditConnection({ workspace, connectionId, onClose }: { workspace: Workspace; connectionId: string; onClose: () => void }) {
  const { client } = useServices();
  const { data, error } = useQuery(api.botSettings.connection, { workspaceId: workspace.workspaceId, connectionId });
  if (error !== null) return <p role="alert" class="error">{error.message}</p>;
  if (data === undefined) return <p class="loading" aria-live="polite">Loading…</p>;
  const update = async ({ storyId: _storyId, ...fields }: ConnectionValues) => {
    await client.action(api.botSettings.updateConnection, { workspaceId: workspace.workspaceId, connectionId, ...fields });
  };
  return <ConnectionForm stories={[data.story]} current={data} onSubmit={update} onCancel={onClose} />;
}
