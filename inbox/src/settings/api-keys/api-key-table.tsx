import type { ApiKeyView } from "../../../../convex/apiKeys";

const when = (at: number | null) => (at === null ? "never" : new Date(at).toLocaleString());

export function ApiKeyTable({ keys, onRevoke }: { keys: ApiKeyView[]; onRevoke: (apiKeyId: string) => void }) {
  if (keys.length === 0) return <p class="empty">No keys yet.</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">API keys of this workspace</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td><code>{key.prefix}…</code></td>
              <td>{when(key.createdAt)}</td>
              <td>{when(key.lastUsedAt)}</td>
              <td>
                {key.revokedAt !== null ? (
                  `Revoked ${when(key.revokedAt)}`
                ) : (
                  <button type="button" class="quiet danger" onClick={() => onRevoke(key.id)}>
                    Revoke<span class="visually-hidden"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
