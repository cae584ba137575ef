import { Field } from "../../settings/form/field";
import { errorAt } from "../draft";
import { PickOnSite } from "../pick-on-site";

export type TourStep = Record<string, unknown>;

const PLACEMENTS = ["auto", "top", "bottom", "left", "right"] as const;

type StepProps = {
  step: TourStep;
  index: number;
  count: number;
  workspaceId: string;
  errors: Record<string, string>;
  onChange(step: TourStep): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A copy with `key` set, or without it when emptied (optional fields are left out, not blank). */
function withOptional(step: TourStep, key: string, value: string): TourStep {
  const next = { ...step };
  if (value === "") delete next[key];
  else next[key] = value;
  return next;
}

/** One step of a tour: its text, what kind it is, the element it points at and how it moves on. */
export function StepEditor({ step, index, count, workspaceId, errors, onChange, onMove, onRemove }: StepProps) {
  const id = (field: string) => `tour-step-${index}-${field}`;
  const error = (field: string) => errorAt(errors, `steps.${index}.${field}`);
  const name = `step ${index + 1}`;
  const pointer = step["kind"] === "pointer";
  return (
    <fieldset class="card stack step">
      <legend>Step {index + 1}</legend>
      <Field id={id("title")} label="Title" error={error("title")}>
        {(control) => <input {...control} value={text(step["title"])} maxLength={200} onInput={(event) => onChange({ ...step, title: event.currentTarget.value })} />}
      </Field>
      <Field id={id("body")} label="Body text" error={error("body")}>
        {(control) => <textarea {...control} rows={3} value={text(step["body"])} maxLength={5000} onInput={(event) => onChange({ ...step, body: event.currentTarget.value })} />}
      </Field>
      <Field id={id("kind")} label="Kind" hint="A modal shows in the middle of the page; a pointer points at an element." error={error("kind")}>
        {(control) => (
          <select {...control} value={text(step["kind"])} onChange={(event) => onChange({ ...step, kind: event.currentTarget.value })}>
            <option value="modal">Modal</option>
            <option value="pointer">Pointer</option>
          </select>
        )}
      </Field>
      <Field id={id("selector")} label="Target element (CSS selector)" hint={pointer ? "Required for a pointer step." : "Optional: a modal step spotlights it."} error={error("selector")}>
        {(control) => (
          <span class="inline-control">
            <input {...control} value={text(step["selector"])} maxLength={500} placeholder="#signup-button" onInput={(event) => onChange(withOptional(step, "selector", event.currentTarget.value))} />
            <PickOnSite workspaceId={workspaceId} target={{ type: "tourStep", stepIndex: index }} label={name} />
          </span>
        )}
      </Field>
      <Field id={id("placement")} label="Placement" error={error("placement")}>
        {(control) => (
          <select {...control} value={text(step["placement"]) || "auto"} onChange={(event) => onChange(withOptional(step, "placement", event.currentTarget.value === "auto" ? "" : event.currentTarget.value))}>
            {PLACEMENTS.map((placement) => <option key={placement} value={placement}>{placement[0]!.toUpperCase() + placement.slice(1)}</option>)}
          </select>
        )}
      </Field>
      {pointer && (
        <Field id={id("advanceOn")} label="Moves on" error={error("advanceOn")}>
          {(control) => (
            <select {...control} value={text(step["advanceOn"]) || "button"} onChange={(event) => onChange(withOptional(step, "advanceOn", event.currentTarget.value === "button" ? "" : event.currentTarget.value))}>
              <option value="button">With its Next button</option>
              <option value="click">When the visitor clicks the element</option>
            </select>
          )}
        </Field>
      )}
      <div class="row-buttons">
        <button type="button" class="quiet" disabled={index === 0} onClick={() => onMove(-1)}>Move up<span class="visually-hidden"> {name}</span></button>
        <button type="button" class="quiet" disabled={index === count - 1} onClick={() => onMove(1)}>Move down<span class="visually-hidden"> {name}</span></button>
        <button type="button" class="quiet" disabled={count === 1} onClick={onRemove}>Remove<span class="visually-hidden"> {name}</span></button>
      </div>
    </fieldset>
  );
}
