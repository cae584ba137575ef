import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { SettingsPageProps } from "../page";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import { AppForm } from "./app-form";

/** Custom apps: third-party pages the inbox frames on the screens they are registered for. */
export function AppsPage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const workspaceId = workspace.workspaceId;
  const { data: apps, error: loadError } = useQuery(api.apps.list, { workspaceId });
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <>
      <section aria-labelledby="apps-heading" class="card">
        <h2 id="apps-heading">Custom apps</h2>
        <p class="muted">
          Each app opens in a sandboxed frame on its screens, with a short-lived signed token that says who is looking. Only
          its allowed origins may talk to the inbox.
        </p>
        {loadError && <p role="alert" class="error">{errorMessage(loadError)}</p>}
        {error && <p role="alert" class="error">{error}</p>}
        {apps?.length === 0 && <p>No apps yet.</p>}
        {apps !== undefined && apps.length > 0 && (
          <table>
            <caption class="visually-hidden">Registered apps</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Screens</th>
                <th scope="col">Origins</th>
                <th scope="col">Enabled</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {apps.map((app) => (
                <tr key={app.id}>
                  <td>
                    {app.name}
                    <div class="muted">{app.url}</div>
                  </td>
                  <td>{app.screens.join(", ")}</td>
                  <td>{app.allowedOrigins.join(" ")}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${app.name} enabled`}
                      checked={app.enabled}
                      onChange={(event) =>
                        run(client.mutation(api.apps.update, { workspaceId, id: app.id, fields: { enabled: (event.currentTarget as HTMLInputElement).checked } }))
                      }
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="quiet"
                      onClick={() => confirm(`Remove the app "${app.name}"?`) && run(client.mutation(api.apps.remove, { workspaceId, id: app.id }))}
                    >
                      Remove<span class="visually-hidden"> {app.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="add-app-heading" class="card">
        <h2 id="add-app-heading">Add an app</h2>
        <AppForm onSubmit={async (fields) => void (await client.mutation(api.apps.create, { workspaceId, fields }))} />
      </section>
    </>
  );
}
