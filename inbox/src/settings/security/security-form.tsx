import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { InboxSecuritySettings } from "../../../../convex/workspaceSecurity";
import { useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import { originLines, wholeNumber } from "./security-input";

type Mode = InboxSecuritySettings["identityVerification"]["mode"];

export function SecurityForm({ workspaceId, settings }: { workspaceId: Id<"workspaces">; settings: InboxSecuritySettings }) {
  const { client } = useServices();
  const [origins, setOrigins] = useState(settings.allowedOrigins.join("\n"));
  const [mode, setMode] = useState<Mode>(settings.identityVerification.mode);
  const [jwtMaxAge, setJwtMaxAge] = useState(String(settings.identityVerification.jwtMaxAgeSeconds));
  const [lifetime, setLifetime] = useState(String(settings.sessionLifetimeHours));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useSave(["allowedOrigins", "identityVerification.jwtMaxAgeSeconds", "sessionLifetimeHours", "identityVerificationMode"]);
  const errorFor = (field: string) => localErrors[field] ?? save.errorFor(field);
  const submit = (event: Event) => {
    event.preventDefault();
    const jwtMaxAgeSeconds = wholeNumber(jwtMaxAge);
    const sessionLifetimeHours = wholeNumber(lifetime);
    const errors: Record<string, string> = {};
    if (jwtMaxAgeSeconds === null) errors["identityVerification.jwtMaxAgeSeconds"] = "Enter a whole number of seconds.";
    if (sessionLifetimeHours === null) errors["sessionLifetimeHours"] = "Enter a whole number of hours.";
    setLocalErrors(errors);
    if (jwtMaxAgeSeconds === null || sessionLifetimeHours === null) return;
    void save.run(() =>
      client.mutation(api.workspaceSecurity.inboxUpdate, { workspaceId, allowedOrigins: originLines(origins), identityVerificationMode: mode, jwtMaxAgeSeconds, sessionLifetimeHours }),
    );
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <Field
        id="security-origins"
        label="Allowed origins"
        hint="One per line: https://shop.example.com, https://*.example.com for subdomains, http://localhost:* for any port. Pages elsewhere cannot load the widget."
        error={errorFor("allowedOrigins")}
      >
        {(control) => <textarea {...control} rows={4} value={origins} onInput={(event) => setOrigins((event.currentTarget as HTMLTextAreaElement).value)} />}
      </Field>
      <Field id="security-mode" label="Identity verification" hint="Required: a visitor who claims a user id must prove it with a userHash or a signed JWT." error={errorFor("identityVerificationMode")}>
        {(control) => (
          <select {...control} value={mode} onChange={(event) => setMode((event.currentTarget as HTMLSelectElement).value as Mode)}>
            <option value="off">Off: user ids are trusted as given</option>
            <option value="optional">Optional: proven identities are marked verified</option>
            <option value="required">Required: unproven user ids are refused</option>
          </select>
        )}
      </Field>
      <Field id="security-jwt-max-age" label="JWT maximum age (seconds)" hint="How old a user JWT may be: 60 to 2592000." error={errorFor("identityVerification.jwtMaxAgeSeconds")}>
        {(control) => <input {...control} inputMode="numeric" value={jwtMaxAge} onInput={(event) => setJwtMaxAge((event.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <Field id="security-session-lifetime" label="Session lifetime (hours)" hint="How long a widget session lasts before it must be renewed: 1 to 168." error={errorFor("sessionLifetimeHours")}>
        {(control) => <input {...control} inputMode="numeric" value={lifetime} onInput={(event) => setLifetime((event.currentTarget as HTMLInputElement).value)} />}
      </Field>
      <div><button type="submit" disabled={save.busy}>Save security settings</button></div>
      <FormStatus error={save.formError} saved={save.saved} />
    </form>
  );
}
