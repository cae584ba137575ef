import type { AttributeCondition, CustomAttributeCondition, Scalar } from "../../../../core/engagement/rules";
import { NumberField, SelectField, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { kindOf } from "./rule-tree";

type AttributeLike = AttributeCondition | CustomAttributeCondition;
type ValueType = "text" | "number" | "boolean";

const DEVICES = [["desktop", "Desktop"], ["mobile", "Mobile"], ["tablet", "Tablet"]] as const;

function typeOf(value: Scalar | undefined): ValueType {
  return typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text";
}

function converted(value: Scalar | undefined, type: ValueType): Scalar {
  if (type === "boolean") return value === true || value === "true";
  if (type === "number") return typeof value === "number" ? value : Number(value) || 0;
  return value === undefined || value === null ? "" : String(value);
}

/**
 * The value an attribute is compared with: none for "is set", a number for
 * greater/less than, a device from a list, and for custom attributes "is"/"is
 * not" may compare a text, a number or true/false (custom attributes hold all three).
 */
export function ValueInput({ condition, path, id, errors, onChange }: {
  condition: AttributeLike;
  path: string;
  id: string;
  errors: Errors;
  onChange(value: Scalar): void;
}) {
  const { op, value } = condition;
  const error = errorAt(errors, `${path}.value`);
  if (op === "exists") return null;
  if (op === "gt" || op === "lt") return <NumberField id={`${id}-value`} label="Number" value={value} error={error} onChange={onChange} />;
  const kind = kindOf(condition);
  if (kind === "device" && op !== "contains") {
    const device = typeof value === "string" && DEVICES.some(([known]) => known === value) ? value : "desktop";
    return <SelectField id={`${id}-value`} label="Device" value={device} options={DEVICES} error={error} onChange={onChange} />;
  }
  const custom = kind === "customAttribute" && op !== "contains";
  const type = typeOf(value);
  const typePicker = custom && (
    <SelectField<ValueType>
      id={`${id}-value-type`}
      label="Compare as"
      value={type}
      options={[["text", "Text"], ["number", "Number"], ["boolean", "True or false"]]}
      error={null}
      onChange={(next) => onChange(converted(value, next))}
    />
  );
  if (type === "boolean") {
    return (
      <>
        {typePicker}
        <SelectField id={`${id}-value`} label="Value" value={value === true ? "true" : "false"} options={[["true", "true"], ["false", "false"]]} error={error} onChange={(next) => onChange(next === "true")} />
      </>
    );
  }
  if (type === "number") {
    return (
      <>
        {typePicker}
        <NumberField id={`${id}-value`} label="Value" value={value} error={error} onChange={onChange} />
      </>
    );
  }
  const hint = kind === "locale" ? "A language tag such as fr or fr-FR; “contains fr” matches every French variant." : undefined;
  return (
    <>
      {typePicker}
      <TextField id={`${id}-value`} label="Value" value={typeof value === "string" ? value : ""} error={error} onInput={onChange} {...(hint !== undefined ? { hint } : {})} />
    </>
  );
}
