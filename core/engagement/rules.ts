import { matchesUrlPattern } from "./url-pattern";

/**
 * Audience rules as plain data, evaluated the same way in the browser and on the
 * server. A rule is a tree of `{all}`, `{any}`, `{not}` over conditions:
 *
 * - `{attribute: "email", op: "contains", value: "@acme.com"}` — a built-in visitor
 *   attribute (see VISITOR_ATTRIBUTES)
 * - `{customAttribute: "plan", op: "eq", value: "pro"}` — a custom attribute
 * - `{identified: true}` — identified user (false: anonymous visitor)
 * - `{event: "report_exported", op: "gt", count: 2}` — how often the visitor tracked an event
 * - `{url: "https://app.example.com/settings/*"}` — the current page (url-pattern.ts)
 *
 * Operators: `eq`/`neq` compare strictly (`neq` is true when the attribute is
 * missing); `contains` is a case-insensitive substring test on strings; `gt`/`lt`
 * compare numbers only; `exists` is true for anything but missing, null and "".
 * `{all: []}` matches everyone, `{any: []}` no one.
 *
 * A malformed rule evaluates to false as a whole (never to true through a `not`)
 * and never throws; `validateRule` says what is wrong and where.
 */

export type Scalar = string | number | boolean | null;
export type AttributeOp = "eq" | "neq" | "contains" | "gt" | "lt" | "exists";
export type CountOp = "gt" | "lt" | "eq";

export type AttributeCondition = { attribute: string; op: AttributeOp; value?: Scalar };
export type CustomAttributeCondition = { customAttribute: string; op: AttributeOp; value?: Scalar };
export type IdentifiedCondition = { identified: boolean };
export type EventCondition = { event: string; op: CountOp; count: number };
export type UrlCondition = { url: string };
export type Condition =
  | AttributeCondition
  | CustomAttributeCondition
  | IdentifiedCondition
  | EventCondition
  | UrlCondition;
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

/** The built-in attributes a context builder fills (missing ones are simply absent). */
export const VISITOR_ATTRIBUTES = [
  "userId",
  "email",
  "name",
  "browser",
  "os",
  "deviceType",
  /** The browser's language as it reports it (BCP 47, e.g. "fr-FR"). */
  "locale",
  "referrer",
] as const;

export type AudienceContext = {
  visitor: {
    identified: boolean;
    attributes: Readonly<Record<string, Scalar | undefined>>;
    customAttributes: Readonly<Record<string, Scalar | undefined>>;
  };
  /** Times each event was tracked by this visitor; absent names count 0. */
  eventCounts: Readonly<Record<string, number>>;
  url: string;
};

export type RuleError = { path: string; message: string };

const MAX_DEPTH = 10;
const MAX_NODES = 200;
const NAME_MAX = 100;
const URL_MAX = 2048;
const ATTRIBUTE_OPS: readonly string[] = ["eq", "neq", "contains", "gt", "lt", "exists"];
const COUNT_OPS: readonly string[] = ["gt", "lt", "eq"];
/** Each node kind and the keys it may carry; the first key names the kind. */
const SHAPES: ReadonlyArray<readonly string[]> = [
  ["all"],
  ["any"],
  ["not"],
  ["attribute", "op", "value"],
  ["customAttribute", "op", "value"],
  ["identified"],
  ["event", "op", "count"],
  ["url"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function joinPath(base: string, key: string | number): string {
  return base === "" ? String(key) : `${base}.${key}`;
}

/**
 * Every problem of a rule, each naming its path below `path` (e.g. with
 * `path = "audience"`: `audience.all.1.op`). An empty list means the rule is valid.
 */
export function validateRule(rule: unknown, path = ""): RuleError[] {
  const errors: RuleError[] = [];
  let nodes = 0;
  const fail = (at: string, message: string): void => {
    errors.push({ path: at || "(rule)", message });
  };
  const name = (value: unknown, at: string, what: string, max = NAME_MAX) => {
    if (typeof value !== "string" || value.trim() === "" || value.length > max) {
      fail(at, `${what} must be a non-empty string of at most ${max} characters.`);
    }
  };

  const visit = (node: unknown, at: string, depth: number): void => {
    if (++nodes > MAX_NODES) return fail(at, `A rule may hold at most ${MAX_NODES} nodes.`);
    if (depth > MAX_DEPTH) return fail(at, `Rules may nest at most ${MAX_DEPTH} levels deep.`);
    if (!isRecord(node)) return fail(at, "Expected an object: {all}, {any}, {not} or a condition.");
    const keys = Object.keys(node);
    const shape = SHAPES.find(([kind]) => kind !== undefined && kind in node);
    if (shape === undefined) return fail(at, `Unknown rule; use one of ${SHAPES.map((s) => s[0]).join(", ")}.`);
    const extra = keys.filter((key) => !shape.includes(key));
    if (extra.length > 0) return fail(joinPath(at, extra[0] ?? ""), `Unexpected key next to "${shape[0]}".`);
    const kind = shape[0];
    if (kind === "all" || kind === "any") {
      const children = node[kind];
      if (!Array.isArray(children)) return fail(joinPath(at, kind), "Expected an array of rules.");
      children.forEach((child, index) => visit(child, joinPath(joinPath(at, kind), index), depth + 1));
    } else if (kind === "not") {
      visit(node["not"], joinPath(at, "not"), depth + 1);
    } else if (kind === "attribute" || kind === "customAttribute") {
      name(node[kind], joinPath(at, kind), "The attribute name");
      if (kind === "attribute" && !(VISITOR_ATTRIBUTES as readonly unknown[]).includes(node[kind])) {
        fail(joinPath(at, kind), `Unknown visitor attribute; use one of ${VISITOR_ATTRIBUTES.join(", ")}.`);
      }
      checkOperand(node, at, fail);
    } else if (kind === "identified") {
      if (typeof node["identified"] !== "boolean") fail(joinPath(at, "identified"), "Expected true or false.");
    } else if (kind === "event") {
      name(node["event"], joinPath(at, "event"), "The event name");
      if (!COUNT_OPS.includes(node["op"] as string)) fail(joinPath(at, "op"), "Use gt, lt or eq.");
      const count = node["count"];
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
        fail(joinPath(at, "count"), "Expected a whole number ≥ 0.");
      }
    } else {
      name(node["url"], joinPath(at, "url"), "The URL pattern", URL_MAX);
    }
  };

  visit(rule, path, 0);
  return errors;
}

function checkOperand(node: Record<string, unknown>, at: string, fail: (at: string, message: string) => void): void {
  const op = node["op"];
  const value = node["value"];
  const valueAt = joinPath(at, "value");
  if (!ATTRIBUTE_OPS.includes(op as string)) return fail(joinPath(at, "op"), `Use one of ${ATTRIBUTE_OPS.join(", ")}.`);
  if (op === "exists") {
    if (value !== undefined) fail(valueAt, "exists takes no value.");
  } else if (op === "contains") {
    if (typeof value !== "string" || value === "") fail(valueAt, "contains needs a non-empty string.");
  } else if (op === "gt" || op === "lt") {
    if (typeof value !== "number" || !Number.isFinite(value)) fail(valueAt, `${op} needs a number.`);
  } else if (!isScalar(value) || (typeof value === "number" && !Number.isFinite(value))) {
    fail(valueAt, `${op} needs a string, number, boolean or null.`);
  }
}

/** Whether the context satisfies the rule; false for malformed rules. Never throws. */
export function evaluateAudience(rule: unknown, context: AudienceContext): boolean {
  try {
    return validateRule(rule).length === 0 && evaluate(rule as Rule, context);
  } catch {
    return false; // a context with hostile getters; the rule itself was valid
  }
}

function evaluate(rule: Rule, context: AudienceContext): boolean {
  if ("all" in rule) return rule.all.every((child) => evaluate(child, context));
  if ("any" in rule) return rule.any.some((child) => evaluate(child, context));
  if ("not" in rule) return !evaluate(rule.not, context);
  if ("attribute" in rule) return compare(context.visitor.attributes[rule.attribute], rule.op, rule.value);
  if ("customAttribute" in rule) {
    return compare(context.visitor.customAttributes[rule.customAttribute], rule.op, rule.value);
  }
  if ("identified" in rule) return context.visitor.identified === rule.identified;
  if ("event" in rule) {
    const count = context.eventCounts[rule.event] ?? 0;
    return rule.op === "gt" ? count > rule.count : rule.op === "lt" ? count < rule.count : count === rule.count;
  }
  return matchesUrlPattern(rule.url, context.url);
}

function compare(actual: Scalar | undefined, op: AttributeOp, expected: Scalar | undefined): boolean {
  switch (op) {
    case "exists":
      return actual !== undefined && actual !== null && actual !== "";
    case "eq":
      return actual === expected;
    case "neq":
      return actual !== expected;
    case "contains":
      return (
        typeof actual === "string" &&
        typeof expected === "string" &&
        actual.toLowerCase().includes(expected.toLowerCase())
      );
    case "gt":
      return typeof actual === "number" && typeof expected === "number" && actual > expected;
    case "lt":
      return typeof actual === "number" && typeof expected === "number" && actual < expected;
  }
}

/** The event names a valid rule counts, so a server reads only those counters. */
export function referencedEvents(rule: unknown): string[] {
  if (validateRule(rule).length > 0) return [];
  const names = new Set<string>();
  const walk = (node: Rule): void => {
    if ("all" in node) node.all.forEach(walk);
    else if ("any" in node) node.any.forEach(walk);
    else if ("not" in node) walk(node.not);
    else if ("event" in node) names.add(node.event);
  };
  walk(rule as Rule);
  return [...names];
}
