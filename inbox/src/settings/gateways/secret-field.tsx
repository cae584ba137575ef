/** 32 random bytes as hex, drawn by the browser's own generator. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A value with Copy (and, given `onRegenerate`, a second button) beside it. */
export function CopyableField(props: {
  label: string;
  name: string;
  value: string;
  readOnly?: boolean;
  onInput?: (value: string) => void;
  regenerateLabel?: string;
  onRegenerate?: () => void;
  hint?: string;
}) {
  const hintId = `${props.name}-hint`;
  return (
    <div class="copyable">
      <label>
        {props.label}
        <input
          name={props.name}
          value={props.value}
          readOnly={props.readOnly}
          required
          spellcheck={false}
          autocomplete="off"
          aria-describedby={props.hint ? hintId : undefined}
          onInput={(event) => props.onInput?.((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="button" class="quiet" onClick={() => void navigator.clipboard?.writeText(props.value)}>
        Copy<span class="visually-hidden"> {props.label}</span>
      </button>
      {props.onRegenerate && (
        <button type="button" class="quiet" onClick={props.onRegenerate}>
          {props.regenerateLabel}
        </button>
      )}
      {props.hint && <p id={hintId} class="muted hint">{props.hint}</p>}
    </div>
  );
}
