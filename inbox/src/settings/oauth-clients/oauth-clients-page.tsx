import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { OAuthClientView } from "../../../../convex/oauthClients";
import type { OAuthScope } from "../../../../convex/lib/oauthTokens";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import { Field, FormStatus, ShownOnce } from "../../form/field";
import { useSave } from "../../form/use-save";
import type { SettingsPageProps } from "../page";
import { ClientTable } from "./client-table";

/** Every scope (the type makes it exhaustive), as an admin reads it. */
const SCOPE_LABELS: Record<OAuthScope, string> = {
  "widget.config:view": "Read configurations, their metrics and audit (widget.config:view)",
  "widget.config:edit": "Change configurations and purge caches (widget.config:edit)",
};
const SCOPES = Object.keys(SCOPE_LABELS) as OAuthScope[];

type Shown = { name: string; clientId: string; clientSecret: string; rotated: boolean };

/** OAuth clients of the widget configuration API: made here (secret shown once), given a new secret, revoked. */
export function OAuthClientsPage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const { workspaceId } = workspace;
  const { data: clients } = useQuery(api.oauthClientsInbox.list, { workspaceId });
  const [shown, setShown] = useState<Shown | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const save = useSave(["name", "scopes"]);
  const create = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const scopes = SCOPES.filter((scope) => data.get(scope) === "on");
    setShown(null);
    void save.run(async () => {
      const made = await client.action(api.oauthClientsInbox.create, { workspaceId, name, scopes });
      setShown({ name: made.name, clientId: made.clientId, clientSecret: made.clientSecret, rotated: false });
      form.reset();
    });
  };
  const rotate = (target: OAuthClientView) => {
    if (!window.confirm(`Give "${target.name}" a new secret? The current secret, and tokens issued with it, stop working now.`)) return;
    setRowError(null);
    setShown(null);
    client
      .action(api.oauthClientsInbox.rotateSecret, { workspaceId, clientId: target.clientId })
      .then(({ clientId, clientSecret }) => setShown({ name: target.name, clientId, clientSecret, rotated: true }))
      .catch((failure: unknown) => setRowError(errorMessage(failure)));
  };
  const revoke = (target: OAuthClientView) => {
    if (!window.confirm(`Revoke "${target.name}"? Its tokens stop working at once.`)) return;
    setRowError(null);
    client.mutation(api.oauthClientsInbox.revoke, { workspaceId, clientId: target.clientId }).catch((failure: unknown) => setRowError(errorMessage(failure)));
  };
  const scopesError = save.errorFor("scopes");
  return (
    <>
      <section aria-labelledby="new-client-heading" class="card">
        <h2 id="new-client-heading">OAuth clients</h2>
        <p class="hint">
          A client gets access tokens for the widget configuration API with its id and secret (<code>POST /api/v1/oauth/token</code>, client
          credentials). Only the secret's hash is stored.
        </p>
        <form class="stacked-form" onSubmit={create} noValidate>
          <Field id="new-client-name" label="Client name" hint="Who uses it, e.g. the design system's CI." error={save.errorFor("name")}>
            {(control) => <input {...control} name="name" required maxLength={100} />}
          </Field>
          <fieldset aria-describedby={scopesError === null ? undefined : "new-client-scopes-error"}>
            <legend>Scopes</legend>
            {SCOPES.map((scope) => (
              <label key={scope} class="inline">
                <input type="checkbox" name={scope} defaultChecked={scope === "widget.config:view"} /> {SCOPE_LABELS[scope]}
              </label>
            ))}
            {scopesError !== null && <p id="new-client-scopes-error" class="error" role="alert">{scopesError}</p>}
          </fieldset>
          <FormStatus error={save.formError} saved={false} />
          <p><button type="submit" disabled={save.busy}>Create client</button></p>
        </form>
        {shown && (
          <>
            <p>Client id of "{shown.name}": <code>{shown.clientId}</code></p>
            <ShownOnce
              label={shown.rotated ? "New client secret" : "Client secret"}
              value={shown.clientSecret}
              note={`This is the only time the secret of "${shown.name}" is shown. Copy it now; if it is lost, give the client a new one.`}
            />
          </>
        )}
      </section>
      <section aria-labelledby="clients-heading" class="card">
        <h2 id="clients-heading">Clients</h2>
        {rowError && <p class="error" role="alert">{rowError}</p>}
        {clients !== undefined && <ClientTable clients={clients} onRotate={rotate} onRevoke={revoke} />}
      </section>
    </>
  );
}
