import { useState } from "preact/hooks";
import type { ComponentChildren } from "preact";

/**
 * A labelled control with its hint and its error beside it: the control points at both with
 * aria-describedby and is aria-invalid while the error shows. `children` receives those props.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error: string | null;
  children: (control: { id: string; "aria-invalid"?: "true"; "aria-describedby"?: string }) => ComponentChildren;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : null, error !== null ? errorId : null].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, ...(error !== null ? { "aria-invalid": "true" as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint !== undefined && <p id={hintId} class="hint">{hint}</p>}
      {error !== null && <p id={errorId} class="error" role="alert">{error}</p>}
    </div>
  );
}

/** The form-level outcome: an error no field owns, or a quiet "Saved". */
export function FormStatus({ error, saved }: { error: string | null; saved: boolean }) {
  if (error !== null) return <p class="error" role="alert">{error}</p>;
  return <p class="saved" role="status">{saved ? "Saved." : ""}</p>;
}

/** A value shown once (a new key or secret): read-only, selected on focus, with a copy button. */
export function ShownOnce({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div class="shown-once">
      <label>
        {label}
        <input readOnly value={value} onFocus={(event) => (event.currentTarget as HTMLInputElement).select()} />
      </label>
      <CopyButton text={value} what={label.toLowerCase()} />
      <p class="hint">{note}</p>
    </div>
  );
}

/** Says "Copied" in a live region once the clipboard took the text (it may refuse, e.g. without focus). */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    setCopied(false);
    navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <span class="copy">
      <button type="button" class="quiet" onClick={copy}>
        Copy<span class="visually-hidden"> {what}</span>
      </button>
      <span role="status" class="hint">{copied ? "Copied" : ""}</span>
    </span>
  );
}
