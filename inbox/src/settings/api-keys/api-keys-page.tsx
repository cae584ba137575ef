import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import { Field, FormStatus, ShownOnce } from "../../form/field";
import { useSave } from "../../form/use-save";
import type { SettingsPageProps } from "../page";
import { ApiKeyTable } from "./api-key-table";

/** Admin API keys for the REST API: made here (shown once), listed with their last use, revoked. */
export function ApiKeysPage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const { data: keys } = useQuery(api.apiKeys.inboxList, { workspaceId: workspace.workspaceId });
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const save = useSave(["name"]);
  const create = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name") ?? "");
    setCreated(null);
    void save.run(async () => {
      const answer = await client.action(api.apiKeys.inboxCreate, { workspaceId: workspace.workspaceId, name });
      setCreated({ name: name.trim(), apiKey: answer.apiKey });
      form.reset();
    });
  };
  const revoke = (apiKeyId: string) => {
    setRevokeError(null);
    client.mutation(api.apiKeys.inboxRevoke, { workspaceId: workspace.workspaceId, apiKeyId }).catch((failure: unknown) => setRevokeError(errorMessage(failure)));
  };
  return (
    <>
      <section aria-labelledby="new-key-heading" class="card">
        <h2 id="new-key-heading">API keys</h2>
        <p class="hint">A key acts as an admin of this workspace on the REST API (<code>Authorization: Bearer …</code>). Only its hash is stored.</p>
        <form class="inline-form" onSubmit={create} noValidate>
          <Field id="new-key-name" label="Key name" hint="Where it is used, e.g. CI deploys." error={save.errorFor("name")}>
            {(control) => <input {...control} name="name" required maxLength={80} />}
          </Field>
          <button type="submit" disabled={save.busy}>Create key</button>
        </form>
        <FormStatus error={save.formError} saved={false} />
        {created && (
          <ShownOnce label="New API key" value={created.apiKey} note={`This is the only time "${created.name}" is shown. Copy it now; if it is lost, revoke it and make another.`} />
        )}
      </section>
      <section aria-labelledby="keys-heading" class="card">
        <h2 id="keys-heading">Keys</h2>
        {revokeError && <p class="error" role="alert">{revokeError}</p>}
        {keys !== undefined && <ApiKeyTable keys={keys} onRevoke={revoke} />}
      </section>
    </>
  );
}
