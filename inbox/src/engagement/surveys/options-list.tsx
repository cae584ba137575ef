import { ListError, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { removed, replaced } from "../editor-kit/lists";
import { MAX_OPTIONS } from "./draft";

/** The choices of a choice question: at least two, at most twenty. */
export function OptionsList({ options, path, id, errors, onChange }: {
  options: string[];
  path: string;
  id: string;
  errors: Errors;
  onChange(change: (options: string[]) => string[]): void;
}) {
  const listError = errorAt(errors, path);
  return (
    <fieldset class="editor-options">
      <legend>Options</legend>
      <ListError id={`${id}-error`} error={listError} />
      {options.map((option, index) => (
        <div class="inline-form" key={index}>
          <TextField id={`${id}-${index}`} label={`Option ${index + 1}`} maxLength={100} value={option} error={errorAt(errors, `${path}.${index}`)} listErrorId={listError !== null && index === 0 ? `${id}-error` : undefined} onInput={(text) => onChange((list) => replaced(list, index, text))} />
          <button type="button" class="quiet" disabled={options.length <= 2} onClick={() => onChange((list) => removed(list, index))}>
            Remove<span class="visually-hidden"> option {index + 1}</span>
          </button>
        </div>
      ))}
      <div>
        <button type="button" disabled={options.length >= MAX_OPTIONS} onClick={() => onChange((list) => [...list, ""])}>
          Add an option
        </button>
      </div>
    </fieldset>
  );
}
