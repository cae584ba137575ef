import { VISITOR_ATTRIBUTES, type AttributeOp, type Condition, type CountOp } from "../../../../core/engagement/rules";
import { CheckField, NumberField, SelectField, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { ItemActions } from "../editor-kit/item-actions";
import { ATTRIBUTE_OPS, blankCondition, CONDITION_KINDS, COUNT_OPS, innerPath, kindOf, withOperator, type ConditionNode } from "./rule-tree";
import { ValueInput } from "./value-input";

const OWN_KIND = new Set<string>(["locale", "deviceType"]);
const ATTRIBUTES = VISITOR_ATTRIBUTES.filter((name) => !OWN_KIND.has(name)).map((name) => [name, name] as const);
const TEXT_OPS = ATTRIBUTE_OPS.filter(([op]) => op !== "gt" && op !== "lt");

/** One condition: what it looks at, how it compares, and whether it is reversed. */
export function ConditionRow({ node, path, id, index, count, errors, onChange, onRemove }: {
  node: ConditionNode;
  path: string;
  id: string;
  index: number;
  count: number;
  errors: Errors;
  onChange(node: ConditionNode): void;
  onRemove(): void;
}) {
  const at = innerPath(node, path);
  const { condition } = node;
  const kind = kindOf(condition);
  const set = (next: Condition) => onChange({ ...node, condition: next });
  const error = (field: string) => errorAt(errors, `${at}.${field}`);
  return (
    <fieldset class="editor-item audience-condition">
      <legend>Condition {index + 1}</legend>
      {errorAt(errors, at) !== null && <p class="error" role="alert">{errorAt(errors, at)}</p>}
      <SelectField id={`${id}-kind`} label="Looks at" value={kind} options={CONDITION_KINDS} error={null} onChange={(next) => set(blankCondition(next))} />
      {"url" in condition && (
        <TextField id={`${id}-url`} label="Page URL pattern" hint="The visitor's current page; * matches any part." maxLength={2048} value={condition.url} error={error("url")} onInput={(url) => set({ url })} />
      )}
      {"event" in condition && (
        <>
          <TextField id={`${id}-event`} label="Event name" maxLength={100} value={condition.event} error={error("event")} onInput={(event) => set({ ...condition, event })} />
          <SelectField<CountOp> id={`${id}-op`} label="Tracked" value={condition.op} options={COUNT_OPS} error={error("op")} onChange={(op) => set({ ...condition, op })} />
          <NumberField id={`${id}-count`} label="Times" min={0} value={condition.count} error={error("count")} onChange={(n) => set({ ...condition, count: n as number })} />
        </>
      )}
      {"identified" in condition && (
        <SelectField
          id={`${id}-identified`}
          label="Visitor is"
          value={condition.identified ? "yes" : "no"}
          options={[["yes", "an identified user"], ["no", "an anonymous visitor"]]}
          error={error("identified")}
          onChange={(answer) => set({ identified: answer === "yes" })}
        />
      )}
      {kind === "attribute" && "attribute" in condition && (
        <SelectField id={`${id}-attribute`} label="Attribute" value={condition.attribute} options={ATTRIBUTES} error={error("attribute")} onChange={(attribute) => set({ ...condition, attribute })} />
      )}
      {"customAttribute" in condition && (
        <TextField id={`${id}-custom`} label="Custom attribute name" maxLength={100} value={condition.customAttribute} error={error("customAttribute")} onInput={(name) => set({ ...condition, customAttribute: name })} />
      )}
      {("attribute" in condition || "customAttribute" in condition) && (
        <>
          <SelectField<AttributeOp>
            id={`${id}-op`}
            label="Comparison"
            value={condition.op}
            options={kind === "locale" || kind === "device" ? TEXT_OPS : ATTRIBUTE_OPS}
            error={error("op")}
            onChange={(op) => set(withOperator(condition, op))}
          />
          <ValueInput condition={condition} path={at} id={id} errors={errors} onChange={(value) => set({ ...condition, value })} />
        </>
      )}
      <CheckField id={`${id}-negate`} label="Reverse: match visitors this does not match" checked={node.negate} error={null} onChange={(negate) => onChange({ ...node, negate })} />
      <ItemActions what="condition" index={index} count={count} onRemove={onRemove} />
    </fieldset>
  );
}
