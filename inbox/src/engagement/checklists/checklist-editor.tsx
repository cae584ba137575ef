import type { EditorProps } from "../types";
import { ListError, TextField } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { checklistForm, MAX_TASKS, withDescription, withNewTask, withoutTask, withTask, withTaskMoved } from "./draft";
import { TaskRow } from "./task-row";

/** A checklist: what it is for, and its tasks in order. */
export function ChecklistEditor({ draft, onChange, errors }: EditorProps) {
  const form = checklistForm(draft);
  return (
    <div class="stack engagement-editor">
      <TextField id="checklist-description" label="Description" hint="Optional; shown under the checklist's name." multiline maxLength={1000} value={form.description} error={errorAt(errors, "description")} onInput={(text) => onChange(withDescription(draft, text))} />
      <section aria-labelledby="checklist-tasks-heading" class="stack">
        <h3 id="checklist-tasks-heading">Tasks</h3>
        <ListError id="checklist-tasks-error" error={errorAt(errors, "tasks")} />
        {form.tasks.map((task, index) => (
          <TaskRow
            key={index}
            task={task}
            index={index}
            count={form.tasks.length}
            errors={errors}
            onChange={(patch) => onChange(withTask(draft, index, patch))}
            onMove={(delta) => onChange(withTaskMoved(draft, index, delta))}
            onRemove={() => onChange(withoutTask(draft, index))}
          />
        ))}
        <div>
          <button type="button" disabled={form.tasks.length >= MAX_TASKS} onClick={() => onChange(withNewTask(draft))}>
            Add a task
          </button>
        </div>
      </section>
    </div>
  );
}
