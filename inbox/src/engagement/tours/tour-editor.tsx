import { Field } from "../../settings/form/field";
import { errorAt, withField } from "../draft";
import type { EditorProps } from "../types";
import { StepEditor, type TourStep } from "./step-editor";

export function emptyTour(): Record<string, unknown> {
  return {
    name: "",
    status: "draft",
    steps: [{ kind: "modal", title: "Welcome", body: "" }],
    trigger: { type: "page_load" },
    frequency: { type: "once" },
  };
}

const MAX_STEPS = 50;

/** A tour's description and steps: add, remove and reorder them; each edits its own fields. */
export function TourEditor({ draft, onChange, errors, workspaceId }: EditorProps) {
  const steps = Array.isArray(draft["steps"]) ? (draft["steps"] as TourStep[]) : [];
  const setSteps = (next: TourStep[]) => onChange({ ...draft, steps: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step !== undefined) next.splice(index + by, 0, step);
    setSteps(next);
  };
  const description = typeof draft["description"] === "string" ? draft["description"] : "";
  return (
    <section class="stack" aria-labelledby="tour-steps-heading">
      <Field id="tour-description" label="Description (optional)" hint="getAvailableTours() shows it to your page." error={errorAt(errors, "description")}>
        {(control) => (
          <textarea {...control} rows={2} maxLength={1000} value={description} onInput={(event) => onChange(withField(draft, "description", event.currentTarget.value || undefined))} />
        )}
      </Field>
      <h2 id="tour-steps-heading">Steps</h2>
      {errorAt(errors, "steps") !== null && <p class="error" role="alert">{errorAt(errors, "steps")}</p>}
      <ol class="steps">
        {steps.map((step, index) => (
          <li key={index}>
            <StepEditor
              step={step}
              index={index}
              count={steps.length}
              workspaceId={workspaceId}
              errors={errors}
              onChange={(changed) => setSteps(steps.map((current, at) => (at === index ? changed : current)))}
              onMove={(by) => move(index, by)}
              onRemove={() => setSteps(steps.filter((_, at) => at !== index))}
            />
          </li>
        ))}
      </ol>
      <button type="button" disabled={steps.length >= MAX_STEPS} onClick={() => setSteps([...steps, { kind: "pointer", title: `Step ${steps.length + 1}`, body: "" }])}>
        Add step
      </button>
    </section>
  );
}
