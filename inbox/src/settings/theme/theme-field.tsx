/** A labelled text field with its error announced and tied to it (aria-describedby). */
export function ThemeField(props: { id: string; label: string; value: string; error: string | undefined; onInput(event: Event): void }) {
  const errorId = `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.value}
        onInput={props.onInput}
        aria-invalid={props.error !== undefined}
        {...(props.error !== undefined ? { "aria-describedby": errorId } : {})}
      />
      {props.error !== undefined && <p id={errorId} class="error">{props.error}</p>}
    </div>
  );
}
