import type { ConnectionDetail } from "../../../../convex/model/botConnections";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

export type ConnectionValues = {
  storyId: string;
  name: string;
  url: string;
  token?: string;
  headers?: Record<string, string>;
  auth?: { username: string; password: string };
};

const FIELDS = ["storyId", "name", "url", "token", "headers", "auth"] as const;

/** An error the form finds before the server does, owned by a field like the server's. */
function fieldError(field: string, message: string): Error {
  return Object.assign(new Error(message), { data: { field, message } });
}

/** `Name: value`, one header a line; an empty text is no headers. */
export function parseHeaderLines(text: string): Record<string, string> | undefined {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  if (lines.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 1) throw fieldError("headers", `Write each header as "Name: value" ("${line}" has no name).`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Create or edit a webhook connection with every field the REST API takes. The server checks
 * the URL's challenge on create and when the URL changes; its refusals show at their field.
 */
export function ConnectionForm({
  stories,
  current,
  onSubmit,
  onCancel,
}: {
  stories: ReadonlyArray<{ id: string; name: string }>;
  current: ConnectionDetail | null;
  onSubmit: (values: ConnectionValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const save = useSave(FIELDS);
  const prefix = current === null ? "new-connection" : `connection-${current.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const ok = await save.run(async () => {
      const username = text("username");
      const password = String(data.get("password") ?? "");
      const headers = parseHeaderLines(String(data.get("headers") ?? ""));
      await onSubmit({
        storyId: current?.story.id ?? text("storyId"),
        name: text("name"),
        url: text("url"),
        ...(text("token") !== "" ? { token: text("token") } : {}),
        ...(headers !== undefined ? { headers } : {}),
        ...(username !== "" || password !== "" ? { auth: { username, password } } : {}),
      });
    });
    if (ok && current === null) form.reset();
  };
  const headerText = Object.entries(current?.headers ?? {}).map(([name, value]) => `${name}: ${value}`).join("\n");
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={current === null ? "New webhook connection" : `Edit ${current.name}`}>
      {current === null && (
        <Field id={`${prefix}-story`} label="Story" error={save.errorFor("storyId")}>
          {(control) => (
            <select {...control} name="storyId" required>
              {stories.map((story) => <option key={story.id} value={story.id}>{story.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field id={`${prefix}-name`} label="Connection name" error={save.errorFor("name")}>
        {(control) => <input {...control} name="name" required defaultValue={current?.name ?? ""} />}
      </Field>
      <Field id={`${prefix}-url`} label="Bot server URL" hint="It must answer GET ?challenge=… with the challenge." error={save.errorFor("url")}>
        {(control) => <input {...control} name="url" type="url" required defaultValue={current?.url ?? ""} placeholder="https://bot.example.com/webhook" />}
      </Field>
      <Field id={`${prefix}-token`} label="Token (optional)" hint="Sent as ?token= on every call." error={save.errorFor("token")}>
        {(control) => <input {...control} name="token" defaultValue={current?.token ?? ""} autoComplete="off" />}
      </Field>
      <Field id={`${prefix}-headers`} label="Headers (optional, one Name: value a line)" error={save.errorFor("headers")}>
        {(control) => <textarea {...control} name="headers" rows={2} defaultValue={headerText} />}
      </Field>
      <Field id={`${prefix}-username`} label="Basic auth user name (optional)" error={null}>
        {(control) => <input {...control} name="username" defaultValue={current?.auth?.username ?? ""} autoComplete="off" />}
      </Field>
      <Field id={`${prefix}-password`} label="Basic auth password" error={save.errorFor("auth")}>
        {(control) => <input {...control} name="password" type="password" defaultValue={current?.auth?.password ?? ""} autoComplete="new-password" />}
      </Field>
      {save.formError !== null && <FormStatus error={save.formError} saved={false} />}
      {current !== null && save.saved && <FormStatus error={null} saved />}
      <p>
        <button type="submit" disabled={save.busy || stories.length === 0}>{current === null ? "Add connection" : "Save connection"}</button>
        {onCancel !== undefined && <button type="button" class="quiet" onClick={onCancel}>Close</button>}
      </p>
    </form>
  );
}
