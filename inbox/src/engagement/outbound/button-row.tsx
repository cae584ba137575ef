import { SelectField, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { ItemActions } from "../editor-kit/item-actions";
import { BUTTON_ACTIONS, type OutboundButton } from "./draft";

/** One button of a message: its label, what it does, and the link for "Open a link". */
export function ButtonRow({ button, index, count, errors, onChange, onRemove }: {
  button: OutboundButton;
  index: number;
  count: number;
  errors: Errors;
  onChange(patch: Partial<OutboundButton>): void;
  onRemove(): void;
}) {
  const path = `buttons.${index}`;
  const id = `outbound-button-${index}`;
  return (
    <fieldset class="editor-item">
      <legend>Button {index + 1}</legend>
      <TextField id={`${id}-label`} label="Label" maxLength={50} value={button.label} error={errorAt(errors, `${path}.label`) ?? errorAt(errors, path)} onInput={(label) => onChange({ label })} />
      <SelectField id={`${id}-action`} label="Action" value={button.action} options={BUTTON_ACTIONS} error={errorAt(errors, `${path}.action`)} onChange={(action) => onChange({ action })} />
      {button.action === "url" && (
        <TextField id={`${id}-url`} label="Link" hint="An http or https address." value={button.url ?? ""} error={errorAt(errors, `${path}.url`)} onInput={(url) => onChange({ url })} />
      )}
      <ItemActions what="button" index={index} count={count} onRemove={onRemove} />
    </fieldset>
  );
}
