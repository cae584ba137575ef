import { SelectField, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { ItemActions } from "../editor-kit/item-actions";
import { blankCompletion, COMPLETION_TYPES, type Task } from "./draft";

/** One task: its title and description, its id, and what marks it done. */
export function TaskRow({ task, index, count, errors, onChange, onMove, onRemove }: {
  task: Task;
  index: number;
  count: number;
  errors: Errors;
  onChange(patch: Partial<Task>): void;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  const path = `tasks.${index}`;
  const id = `checklist-task-${index}`;
  const { completion } = task;
  const at = (field: string) => errorAt(errors, `${path}.completion.${field}`);
  return (
    <fieldset class="editor-item">
      <legend>Task {index + 1}</legend>
      <TextField id={`${id}-title`} label="Title" maxLength={200} value={task.title} error={errorAt(errors, `${path}.title`) ?? errorAt(errors, path)} onInput={(title) => onChange({ title })} />
      <TextField id={`${id}-description`} label="Description" hint="Optional." multiline rows={2} maxLength={1000} value={task.description ?? ""} error={errorAt(errors, `${path}.description`)} onInput={(description) => onChange({ description })} />
      <TextField id={`${id}-id`} label="Task key" hint="Names this task in progress and results." maxLength={50} value={task.id} error={errorAt(errors, `${path}.id`)} onInput={(key) => onChange({ id: key })} />
      <SelectField id={`${id}-completion`} label="Done" value={completion.type} options={COMPLETION_TYPES} error={errorAt(errors, `${path}.completion`) ?? at("type")} onChange={(type) => onChange({ completion: blankCompletion(type) })} />
      {completion.type === "event" && (
        <TextField id={`${id}-event`} label="Event name" hint="As sent with OpencomWidget.trackEvent." maxLength={100} value={completion.event} error={at("event")} onInput={(event) => onChange({ completion: { type: "event", event } })} />
      )}
      {completion.type === "url" && (
        <TextField id={`${id}-pattern`} label="Page URL pattern" hint="A page address; * matches any part, e.g. https://app.example.com/settings/*" maxLength={2048} value={completion.pattern} error={at("pattern")} onInput={(pattern) => onChange({ completion: { type: "url", pattern } })} />
      )}
      <ItemActions what="task" index={index} count={count} onMove={onMove} onRemove={onRemove} removable={count > 1} />
    </fieldset>
  );
}
