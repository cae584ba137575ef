import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { InboxSecuritySettings } from "../../../../convex/workspaceSecurity";
import { useServices } from "../../use-convex";
import { Field, FormStatus, ShownOnce } from "../../form/field";
import { useSave } from "../../form/use-save";
import { wholeNumber } from "./security-input";

/** The identity secret that signs userHash and user JWTs: rotated here, shown once, the old one kept for a grace period. */
export function SecretSection({ workspaceId, settings }: { workspaceId: Id<"workspaces">; settings: InboxSecuritySettings }) {
  const { client } = useServices();
  const [grace, setGrace] = useState("24");
  const [localError, setLocalError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const save = useSave(["gracePeriodHours"]);
  const previousUntil = settings.secretRotation.previousSecretExpiresAt;
  const rotate = (event: Event) => {
    event.preventDefault();
    const gracePeriodHours = wholeNumber(grace);
    setLocalError(gracePeriodHours === null ? "Enter a whole number of hours from 0 to 168." : null);
    if (gracePeriodHours === null) return;
    setSecret(null);
    void save.run(async () => setSecret((await client.action(api.workspaceSecurity.inboxRotateSecret, { workspaceId, gracePeriodHours })).identitySecret));
  };
  return (
    <section class="card stack" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Identity secret</h2>
      <p class="hint">
        {settings.hasIdentitySecret ? "A secret is set. It is never shown again after it is made." : "No secret yet: rotate to make one."}
        {previousUntil !== null && ` The previous secret is accepted until ${new Date(previousUntil).toLocaleString()}.`}
      </p>
      <form class="inline-form" onSubmit={rotate} noValidate>
        <Field id="secret-grace" label="Grace period (hours)" hint="How long the old secret keeps working, so servers can switch: 0 to 168." error={localError ?? save.errorFor("gracePeriodHours")}>
          {(control) => <input {...control} inputMode="numeric" value={grace} onInput={(event) => setGrace((event.currentTarget as HTMLInputElement).value)} />}
        </Field>
        <button type="submit" disabled={save.busy}>Rotate secret</button>
      </form>
      <FormStatus error={save.formError} saved={false} />
      {secret !== null && <ShownOnce label="New identity secret" value={secret} note="Copy it to your server now: this is the only time it is shown." />}
    </section>
  );
}
