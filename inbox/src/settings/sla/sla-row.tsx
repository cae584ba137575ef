import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { SlaPolicyView } from "../../../../convex/slaPolicies";
import { useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import { durationField, type DurationUnit } from "./durations";

/** One priority's two targets: first response in minutes, resolution in hours. */
export function SlaRow({ workspaceId, policy }: { workspaceId: Id<"workspaces">; policy: SlaPolicyView }) {
  const { client } = useServices();
  const save = useSave(["firstResponseMillis", "resolutionMillis"]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const id = (field: string) => `sla-${policy.priority}-${field}`;
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const first = durationField(String(data.get("firstResponse") ?? ""), "minutes");
    const resolution = durationField(String(data.get("resolution") ?? ""), "hours");
    const errors: Record<string, string> = {};
    if (!first.ok) errors["firstResponseMillis"] = first.error;
    if (!resolution.ok) errors["resolutionMillis"] = resolution.error;
    setLocalErrors(errors);
    if (!first.ok || !resolution.ok) return;
    void save.run(() =>
      client.mutation(api.slaPolicies.set, { workspaceId, priority: policy.priority, firstResponseMillis: first.millis, resolutionMillis: resolution.millis }),
    );
  };
  const errorFor = (field: string) => localErrors[field] ?? save.errorFor(field);
  const input = (name: string, millis: number | null, unit: DurationUnit) => (control: Record<string, unknown>) => (
    <input {...control} name={name} inputMode="decimal" defaultValue={millis === null ? "" : String(millis / (unit === "minutes" ? 60_000 : 3_600_000))} />
  );
  return (
    <form class="inline-form sla-row" onSubmit={submit} noValidate aria-label={`${policy.priority} priority`}>
      <strong class="priority">{policy.priority}</strong>
      <Field id={id("first")} label={<><span class="visually-hidden">{policy.priority}: </span>First response (minutes)</>} error={errorFor("firstResponseMillis")}>
        {input("firstResponse", policy.firstResponseMillis, "minutes")}
      </Field>
      <Field id={id("resolution")} label={<><span class="visually-hidden">{policy.priority}: </span>Resolution (hours)</>} error={errorFor("resolutionMillis")}>
        {input("resolution", policy.resolutionMillis, "hours")}
      </Field>
      <button type="submit" disabled={save.busy}>Save<span class="visually-hidden"> {policy.priority} targets</span></button>
      <FormStatus error={save.formError} saved={save.saved} />
    </form>
  );
}
