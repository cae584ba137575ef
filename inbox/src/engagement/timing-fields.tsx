import { Field } from "../settings/form/field";
import { errorAt, type Draft } from "./draft";

type Props = { draft: Draft; onChange(draft: Draft): void; errors: Record<string, string> };
type Shape = Record<string, unknown>;

const TRIGGERS: Record<string, { label: string; param?: { key: string; label: string; initial: unknown; number: boolean } }> = {
  page_load: { label: "When the page loads" },
  url: { label: "On pages matching a URL pattern", param: { key: "pattern", label: "URL pattern", initial: "/*", number: false } },
  time_on_page: { label: "After some time on the page", param: { key: "seconds", label: "Seconds on the page", initial: 10, number: true } },
  scroll_depth: { label: "After scrolling down the page", param: { key: "percent", label: "Scrolled (percent)", initial: 50, number: true } },
  event: { label: "When your page tracks an event", param: { key: "name", label: "Event name", initial: "", number: false } },
};

const FREQUENCIES: Record<string, string> = { once: "Once per visitor", until_completed: "Until completed", every: "Again every few days" };

const shapeOf = (value: unknown): Shape => (typeof value === "object" && value !== null ? (value as Shape) : {});
const numberOr = (value: string) => (value === "" || Number.isNaN(Number(value)) ? value : Number(value));

/** When it shows (trigger) and how often (frequency): types with a trigger only. */
export function TimingFields({ draft, onChange, errors }: Props) {
  const trigger = shapeOf(draft["trigger"]);
  const frequency = shapeOf(draft["frequency"]);
  const kind = TRIGGERS[String(trigger["type"])] ?? TRIGGERS["page_load"]!;
  const param = kind.param;
  const setTrigger = (type: string) => {
    const next = TRIGGERS[type]?.param;
    onChange({ ...draft, trigger: next === undefined ? { type } : { type, [next.key]: next.initial } });
  };
  return (
    <section class="card stack" aria-labelledby="item-timing-heading">
      <h2 id="item-timing-heading">When it shows</h2>
      <Field id="item-trigger" label="Trigger" error={errorAt(errors, "trigger") ?? errorAt(errors, "trigger.type")}>
        {(control) => (
          <select {...control} value={String(trigger["type"] ?? "page_load")} onChange={(event) => setTrigger(event.currentTarget.value)}>
            {Object.entries(TRIGGERS).map(([value, { label }]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      {param !== undefined && (
        <Field id={`item-trigger-${param.key}`} label={param.label} error={errorAt(errors, `trigger.${param.key}`)}>
          {(control) => (
            <input {...control} inputMode={param.number ? "numeric" : "text"} value={String(trigger[param.key] ?? "")}
              onInput={(event) => onChange({ ...draft, trigger: { ...trigger, [param.key]: param.number ? numberOr(event.currentTarget.value) : event.currentTarget.value } })} />
          )}
        </Field>
      )}
      <Field id="item-frequency" label="How often" error={errorAt(errors, "frequency") ?? errorAt(errors, "frequency.type")}>
        {(control) => (
          <select {...control} value={String(frequency["type"] ?? "once")} onChange={(event) => onChange({ ...draft, frequency: event.currentTarget.value === "every" ? { type: "every", days: 7 } : { type: event.currentTarget.value } })}>
            {Object.entries(FREQUENCIES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      {frequency["type"] === "every" && (
        <Field id="item-frequency-days" label="Every how many days" error={errorAt(errors, "frequency.days")}>
          {(control) => <input {...control} type="number" min={1} value={String(frequency["days"] ?? "")} onInput={(event) => onChange({ ...draft, frequency: { ...frequency, days: numberOr(event.currentTarget.value) } })} />}
        </Field>
      )}
    </section>
  );
}
