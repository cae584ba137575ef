import { APP_SCREENS, type AppScreen } from "../../../../core/apps/events";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

export type AppFormValues = {
  name: string;
  url: string;
  allowedOrigins: string[];
  screens: AppScreen[];
  enabled: boolean;
  protocol: "opencom" | "bm-widget";
};

const SCREEN_LABELS: Record<AppScreen, string> = { CHATS: "Chats", TICKETS: "Tickets", CONTACTS: "Contacts" };
const FIELDS = ["name", "url", "allowedOrigins", "screens"] as const;

/** Register an app: every field the REST API takes, refused at the field the server names. */
export function AppForm({ onSubmit }: { onSubmit: (values: AppFormValues) => Promise<void> }) {
  const save = useSave(FIELDS);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const values: AppFormValues = {
      name: String(data.get("name") ?? "").trim(),
      url: String(data.get("url") ?? "").trim(),
      allowedOrigins: String(data.get("allowedOrigins") ?? "")
        .split(/\s+/)
        .filter((origin) => origin !== ""),
      screens: APP_SCREENS.filter((screen) => data.get(`screen-${screen}`) === "on"),
      enabled: data.get("enabled") === "on",
      protocol: data.get("protocol") === "bm-widget" ? "bm-widget" : "opencom",
    };
    if (await save.run(() => onSubmit(values))) form.reset();
  };
  const screensError = save.errorFor("screens");
  return (
    <form class="stacked-form" onSubmit={submit}>
      <Field id="app-name" label="App name" error={save.errorFor("name")}>
        {(control) => <input {...control} name="name" required maxLength={100} />}
      </Field>
      <Field id="app-url" label="App URL" error={save.errorFor("url")}>
        {(control) => <input {...control} name="url" type="url" required placeholder="https://app.example.com/inbox-panel" />}
      </Field>
      <Field id="app-allowedOrigins" label="Allowed origins (one per line)" error={save.errorFor("allowedOrigins")}>
        {(control) => <textarea {...control} name="allowedOrigins" rows={2} required placeholder="https://app.example.com" />}
      </Field>
      <fieldset aria-describedby={screensError === null ? undefined : "app-screens-error"}>
        <legend>Screens</legend>
        {APP_SCREENS.map((screen) => (
          <label key={screen} class="inline">
            <input type="checkbox" name={`screen-${screen}`} /> {SCREEN_LABELS[screen]}
          </label>
        ))}
        {screensError !== null && <p id="app-screens-error" class="error" role="alert">{screensError}</p>}
      </fieldset>
      <label>
        Protocol
        <select name="protocol">
          <option value="opencom">Opencom (OPENCOM_APP_* messages, opencomToken)</option>
          <option value="bm-widget">Custom widgets dialect (BM_WIDGET_* messages, bmtoken)</option>
        </select>
      </label>
      <label class="inline">
        <input type="checkbox" name="enabled" defaultChecked /> Enabled
      </label>
      {save.formError !== null && <FormStatus error={save.formError} saved={false} />}
      <button type="submit" disabled={save.busy}>Add app</button>
    </form>
  );
}
