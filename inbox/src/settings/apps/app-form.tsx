import { useState } from "preact/hooks";
import { APP_SCREENS, type AppScreen } from "../../../../core/apps/events";
import { errorMessage } from "../../use-convex";

export type AppFormValues = {
  name: string;
  url: string;
  allowedOrigins: string[];
  screens: AppScreen[];
  enabled: boolean;
  protocol: "opencom" | "bm-widget";
};

const SCREEN_LABELS: Record<AppScreen, string> = { CHATS: "Chats", TICKETS: "Tickets", CONTACTS: "Contacts" };

/** The field a server refusal names (`allowedOrigins[1]` belongs to `allowedOrigins`), if any. */
function refusedField(failure: unknown): string | null {
  const field = (failure as { data?: { field?: unknown } } | null)?.data?.field;
  return typeof field === "string" ? (field.split(/[.[]/)[0] ?? null) : null;
}

/** Register an app: every field the REST API takes, refused at the field the server names. */
export function AppForm({ onSubmit }: { onSubmit: (values: AppFormValues) => Promise<void> }) {
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
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
    setError(null);
    setBusy(true);
    try {
      await onSubmit(values);
      form.reset();
    } catch (failure) {
      setError({ field: refusedField(failure), message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span class="field-error" id={`app-${field}-error`} role="alert">
        {error.message}
      </span>
    ) : null;
  const describedBy = (field: string) => (error?.field === field ? `app-${field}-error` : undefined);
  return (
    <form class="stacked-form" onSubmit={submit}>
      <label>
        App name
        <input name="name" required maxLength={100} aria-describedby={describedBy("name")} />
        {fieldError("name")}
      </label>
      <label>
        App URL
        <input name="url" type="url" required placeholder="https://app.example.com/inbox-panel" aria-describedby={describedBy("url")} />
        {fieldError("url")}
      </label>
      <label>
        Allowed origins (one per line)
        <textarea name="allowedOrigins" rows={2} required placeholder="https://app.example.com" aria-describedby={describedBy("allowedOrigins")} />
        {fieldError("allowedOrigins")}
      </label>
      <fieldset aria-describedby={describedBy("screens")}>
        <legend>Screens</legend>
        {APP_SCREENS.map((screen) => (
          <label key={screen} class="inline">
            <input type="checkbox" name={`screen-${screen}`} /> {SCREEN_LABELS[screen]}
          </label>
        ))}
        {fieldError("screens")}
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
      {error !== null && error.field === null && <p role="alert" class="error">{error.message}</p>}
      <button type="submit" disabled={busy}>Add app</button>
    </form>
  );
}
