import type { AttributeOp, Condition, CountOp, Rule, Scalar } from "../../../../core/engagement/rules";

/**
 * The audience builder's model and its conversion to and from the rule object
 * the engine evaluates and the REST API accepts (core/engagement/rules.ts). The
 * builder shows a tree of groups ("all of" / "any of") and conditions, each of
 * which may be negated ({not: …}). The root is always a group: a lone condition
 * becomes a group of one, and a group without conditions means everyone (no rule).
 */

export type ConditionNode = { node: "condition"; negate: boolean; condition: Condition };
export type GroupNode = { node: "group"; negate: boolean; mode: "all" | "any"; children: BuilderNode[] };
export type BuilderNode = ConditionNode | GroupNode;

/** What the builder offers; locale and device are built-in attributes with a kind of their own. */
export type ConditionKind = "url" | "event" | "identified" | "attribute" | "customAttribute" | "locale" | "device";

export const CONDITION_KINDS: ReadonlyArray<readonly [ConditionKind, string]> = [
  ["url", "Page URL"],
  ["event", "Event count"],
  ["identified", "Identified or anonymous"],
  ["attribute", "Visitor attribute"],
  ["customAttribute", "Custom attribute"],
  ["locale", "Language (locale)"],
  ["device", "Device type"],
];

export const ATTRIBUTE_OPS: ReadonlyArray<readonly [AttributeOp, string]> = [
  ["eq", "is"],
  ["neq", "is not"],
  ["contains", "contains"],
  ["gt", "is greater than"],
  ["lt", "is less than"],
  ["exists", "is set"],
];
export const COUNT_OPS: ReadonlyArray<readonly [CountOp, string]> = [
  ["gt", "more than"],
  ["lt", "fewer than"],
  ["eq", "exactly"],
];

export function kindOf(condition: Condition): ConditionKind {
  if ("url" in condition) return "url";
  if ("event" in condition) return "event";
  if ("identified" in condition) return "identified";
  if ("customAttribute" in condition) return "customAttribute";
  if (condition.attribute === "locale") return "locale";
  if (condition.attribute === "deviceType") return "device";
  return "attribute";
}

export function blankCondition(kind: ConditionKind): Condition {
  switch (kind) {
    case "url":
      return { url: "" };
    case "event":
      return { event: "", op: "gt", count: 0 };
    case "identified":
      return { identified: true };
    case "attribute":
      return { attribute: "email", op: "contains", value: "" };
    case "customAttribute":
      return { customAttribute: "", op: "eq", value: "" };
    case "locale":
      return { attribute: "locale", op: "contains", value: "" };
    case "device":
      return { attribute: "deviceType", op: "eq", value: "mobile" };
  }
}

/** An attribute condition with a new operator: `exists` drops the value, `gt`/`lt` want a number, `contains` a string. */
export function withOperator(condition: Condition, op: AttributeOp): Condition {
  if (!("attribute" in condition) && !("customAttribute" in condition)) return condition;
  const { value, ...rest } = condition;
  if (op === "exists") return { ...rest, op };
  if (op === "gt" || op === "lt") return { ...rest, op, value: typeof value === "number" ? value : numberOr(value, 0) };
  if (op === "contains" || value === undefined || value === null) return { ...rest, op, value: value === undefined || value === null ? "" : String(value) };
  return { ...rest, op, value };
}

function numberOr(value: Scalar | undefined, fallback: number): number {
  const parsed = typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function emptyGroup(): GroupNode {
  return { node: "group", negate: false, mode: "all", children: [] };
}

function toNode(rule: Rule, negate = false): BuilderNode {
  if ("not" in rule) return toNode(rule.not, !negate);
  if ("all" in rule) return { node: "group", negate, mode: "all", children: rule.all.map((child) => toNode(child)) };
  if ("any" in rule) return { node: "group", negate, mode: "any", children: rule.any.map((child) => toNode(child)) };
  return { node: "condition", negate, condition: rule };
}

/** The builder's tree for a rule (undefined: everyone). Call it with a rule validateRule accepts. */
export function toBuilder(rule: Rule | undefined): GroupNode {
  if (rule === undefined) return emptyGroup();
  const node = toNode(rule);
  if (node.node === "group") return node;
  return { ...emptyGroup(), children: [node] };
}

export function toRule(node: BuilderNode): Rule {
  const inner: Rule = node.node === "condition" ? node.condition : node.mode === "all" ? { all: node.children.map(toRule) } : { any: node.children.map(toRule) };
  return node.negate ? { not: inner } : inner;
}

/** The rule to store, or undefined when the root holds no condition (everyone). */
export function fromBuilder(root: GroupNode): Rule | undefined {
  return root.children.length === 0 ? undefined : toRule(root);
}

/** Where a node's own fields sit in the rule, for the errors keyed by path ("audience.all.1.not.op"). */
export function innerPath(node: BuilderNode, path: string): string {
  return node.negate ? `${path}.not` : path;
}

export function childPath(group: GroupNode, path: string, index: number): string {
  return `${innerPath(group, path)}.${group.mode}.${index}`;
}
