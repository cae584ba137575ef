import type { OAuthClientView } from "../../../../convex/oauthClients";

const when = (at: number) => new Date(at).toLocaleString();

type Props = { clients: readonly OAuthClientView[]; onRotate: (client: OAuthClientView) => void; onRevoke: (client: OAuthClientView) => void };

/** The clients with their scopes; a live one can get a new secret or be revoked. */
export function ClientTable({ clients, onRotate, onRevoke }: Props) {
  if (clients.length === 0) return <p class="empty">No clients yet.</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">OAuth clients of this workspace</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Client id</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.clientId}>
              <td>{client.name}</td>
              <td><code>{client.clientId}</code></td>
              <td>{client.scopes.join(", ")}</td>
              <td>{when(client.createdAt)}</td>
              <td>
                {client.revokedAt !== null ? (
                  `Revoked ${when(client.revokedAt)}`
                ) : (
                  <>
                    <button type="button" class="quiet" onClick={() => onRotate(client)}>
                      New secret<span class="visually-hidden"> for {client.name}</span>
                    </button>{" "}
                    <button type="button" class="quiet danger" onClick={() => onRevoke(client)}>
                      Revoke<span class="visually-hidden"> {client.name}</span>
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
