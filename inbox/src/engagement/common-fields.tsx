import { Field } from "../settings/form/field";
import { errorAt, fromLocalInput, toLocalInput, withField, type Draft } from "./draft";
import { STATUS_LABELS } from "./status";

type Props = { draft: Draft; onChange(draft: Draft): void; errors: Record<string, string> };

/** What every type has: its name, its status and the window it runs in. */
export function CommonFields({ draft, onChange, errors }: Props) {
  const time = (key: "startsAt" | "endsAt", value: string) => onChange(withField(draft, key, fromLocalInput(value)));
  return (
    <section class="card stack" aria-labelledby="item-basics-heading">
      <h2 id="item-basics-heading">Basics</h2>
      <Field id="item-name" label="Name" hint="Only your team sees it." error={errorAt(errors, "name")}>
        {(control) => <input {...control} value={typeof draft["name"] === "string" ? draft["name"] : ""} maxLength={200} onInput={(event) => onChange({ ...draft, name: event.currentTarget.value })} />}
      </Field>
      <Field id="item-status" label="Status" hint="Only active items reach visitors." error={errorAt(errors, "status")}>
        {(control) => (
          <select {...control} value={String(draft["status"] ?? "draft")} onChange={(event) => onChange({ ...draft, status: event.currentTarget.value })}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      <div class="field-row">
        <Field id="item-starts-at" label="Starts (optional)" error={errorAt(errors, "startsAt")}>
          {(control) => <input {...control} type="datetime-local" value={toLocalInput(draft["startsAt"])} onChange={(event) => time("startsAt", event.currentTarget.value)} />}
        </Field>
        <Field id="item-ends-at" label="Ends (optional)" error={errorAt(errors, "endsAt")}>
          {(control) => <input {...control} type="datetime-local" value={toLocalInput(draft["endsAt"])} onChange={(event) => time("endsAt", event.currentTarget.value)} />}
        </Field>
      </div>
    </section>
  );
}
