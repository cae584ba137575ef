import type { ComponentChildren } from "preact";
import { Field } from "../../form/field";

/**
 * The editors' controls: a label, the server's error for the field beside it
 * (aria-invalid, aria-describedby), an optional hint. `errors` is keyed by the
 * field's path in the REST body ("questions.2.options").
 */

export type Errors = Readonly<Record<string, string>>;


type Common = { id: string; label: ComponentChildren; error: string | null; hint?: string };

/**
 * `listErrorId` ties the control to an error its list shows once (e.g. "Choices
 * need options" under a question's options): the control is then invalid too.
 */
export function TextField({ value, onInput, multiline = false, rows = 3, maxLength, listErrorId, ...common }: Common & {
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  listErrorId?: string | undefined;
}) {
  const limit = maxLength === undefined ? {} : { maxLength };
  const handle = (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  return (
    <Field {...common}>
      {(field) => {
        const control = listErrorId === undefined ? field : { ...field, "aria-invalid": "true" as const, "aria-describedby": [field["aria-describedby"], listErrorId].filter(Boolean).join(" ") };
        return multiline ? <textarea {...control} {...limit} rows={rows} value={value} onInput={handle} /> : <input {...control} {...limit} value={value} onInput={handle} />;
      }}
    </Field>
  );
}

/** A whole number typed as text: what was typed stays a string until it reads as a number, so the server can say what is wrong. */
export function NumberField({ value, onChange, min, max, ...common }: Common & { value: unknown; onChange(value: number | string): void; min?: number; max?: number }) {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  const bounds = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  return (
    <Field {...common}>
      {(control) => (
        <input
          {...control}
          {...bounds}
          type="number"
          inputMode="numeric"
          value={text}
          onInput={(event) => {
            const raw = (event.currentTarget as HTMLInputElement).value;
            onChange(raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw);
          }}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>({ value, options, onChange, ...common }: Common & {
  value: V;
  options: ReadonlyArray<readonly [V, string]>;
  onChange(value: V): void;
}) {
  return (
    <Field {...common}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as V)}>
          {options.map(([option, label]) => (
            <option key={option} value={option}>{label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ id, label, checked, onChange, error }: Omit<Common, "hint"> & { checked: boolean; onChange(checked: boolean): void }) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          {...(error !== null ? { "aria-invalid": "true" as const, "aria-describedby": errorId } : {})}
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
        {label}
      </label>
      {error !== null && <p id={errorId} class="error" role="alert">{error}</p>}
    </div>
  );
}

/** A list-level error ("questions", "tasks"): shown under the list's heading. */
export function ListError({ id, error }: { id: string; error: string | null }) {
  return error === null ? null : <p id={id} class="error" role="alert">{error}</p>;
}
