import { Field } from "../../settings/form/field";
import { errorAt, withField } from "../draft";
import { PickOnSite } from "../pick-on-site";
import type { EditorProps } from "../types";

export function emptyTooltip(): Record<string, unknown> {
  return { name: "", status: "draft", body: "", showOn: "hover", trigger: { type: "page_load" }, frequency: { type: "once" } };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A tooltip: the element it is anchored to, how it opens, where it sits and what it says. */
export function TooltipEditor({ draft, onChange, errors, workspaceId }: EditorProps) {
  const set = (key: string, value: string, emptyMeansUnset = true) => onChange(withField(draft, key, emptyMeansUnset && value === "" ? undefined : value));
  return (
    <section class="stack" aria-labelledby="tooltip-heading">
      <h2 id="tooltip-heading">Tooltip</h2>
      <Field id="tooltip-selector" label="Target element (CSS selector)" hint="Tooltips without one are not shown." error={errorAt(errors, "selector")}>
        {(control) => (
          <span class="inline-control">
            <input {...control} value={text(draft["selector"])} maxLength={500} placeholder="#plan-picker" onInput={(event) => set("selector", event.currentTarget.value)} />
            <PickOnSite workspaceId={workspaceId} target={{ type: "tooltip" }} label="the tooltip" />
          </span>
        )}
      </Field>
      <Field id="tooltip-show-on" label="Opens" error={errorAt(errors, "showOn")}>
        {(control) => (
          <select {...control} value={text(draft["showOn"]) || "auto"} onChange={(event) => set("showOn", event.currentTarget.value)}>
            <option value="hover">On hover or focus</option>
            <option value="click">On a click of its beacon</option>
            <option value="auto">By itself</option>
          </select>
        )}
      </Field>
      <Field id="tooltip-placement" label="Placement" error={errorAt(errors, "placement")}>
        {(control) => (
          <select {...control} value={text(draft["placement"]) || "auto"} onChange={(event) => set("placement", event.currentTarget.value === "auto" ? "" : event.currentTarget.value)}>
            <option value="auto">Auto</option>
            <option value="top">Top</option>
            <option value="bottom">Bottom</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
          </select>
        )}
      </Field>
      <Field id="tooltip-title" label="Title (optional)" error={errorAt(errors, "title")}>
        {(control) => <input {...control} value={text(draft["title"])} maxLength={200} onInput={(event) => set("title", event.currentTarget.value)} />}
      </Field>
      <Field id="tooltip-body" label="Body text" error={errorAt(errors, "body")}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={text(draft["body"])} onInput={(event) => set("body", event.currentTarget.value, false)} />}
      </Field>
    </section>
  );
}
