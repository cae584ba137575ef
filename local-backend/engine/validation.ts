// Checks values against Convex validators (their JSON form, as `exportArgs()` and schemas give
// it) and words failures exactly as a Convex deployment does, since apps and tests match on
// the text: "Value does not match validator.\nPath: .body\nValue: 42.0\nValidator: v.string()".
import { convexToJson, type Value } from "convex/values";

export type ValidatorJson =
  | { type: "null" | "number" | "bigint" | "boolean" | "string" | "bytes" | "any" }
  | { type: "literal"; value: unknown }
  | { type: "id"; tableName: string }
  | { type: "array"; value: ValidatorJson }
  | { type: "record"; keys: ValidatorJson; values: FieldJson }
  | { type: "object"; value: Record<string, FieldJson> }
  | { type: "union"; value: ValidatorJson[] };
type FieldJson = { fieldType: ValidatorJson; optional: boolean };

/** A validation failure; `path` grows outwards as the error climbs out of nested values. */
export class ValidationFailure {
  readonly reversedPath: string[] = [];
  constructor(private readonly describe: (context: string) => string) {}
  within(segment: string): this {
    this.reversedPath.push(segment);
    return this;
  }
  get message(): string {
    const path = this.reversedPath.length === 0 ? "" : `Path: ${[...this.reversedPath].reverse().join("")}`;
    return this.describe(path);
  }
}

const noMatch = (value: Value, validator: ValidatorJson) =>
  new ValidationFailure((context) => `Value does not match validator.\n${context}\nValue: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`);

/** The table a convex-test id names (ids are a counter followed by the table name). */
function tableOfId(id: string): string | null {
  const match = /^[0-9]+([A-Za-z_][A-Za-z0-9_]*)$/.exec(id);
  return match?.[1] ?? null;
}

export function checkValue(validator: ValidatorJson, value: Value | undefined): ValidationFailure | null {
  if (value === undefined) return noMatch(null, validator);
  switch (validator.type) {
    case "any":
      return null;
    case "null":
      return value === null ? null : noMatch(value, validator);
    case "number":
      return typeof value === "number" ? null : noMatch(value, validator);
    case "bigint":
      return typeof value === "bigint" ? null : noMatch(value, validator);
    case "boolean":
      return typeof value === "boolean" ? null : noMatch(value, validator);
    case "string":
      return typeof value === "string" ? null : noMatch(value, validator);
    case "bytes":
      return value instanceof ArrayBuffer ? null : noMatch(value, validator);
    case "literal": {
      const expected = JSON.stringify(validator.value);
      return JSON.stringify(convexToJson(value)) === expected
        ? null
        : new ValidationFailure((context) => `\`${displayValue(value)}\` does not match literal validator \`v.literal(${displayLiteral(validator.value)})\`.${context}`);
    }
    case "id": {
      const table = typeof value === "string" ? tableOfId(value) : null;
      if (table === null) return noMatch(value, validator);
      if (table === validator.tableName) return null;
      const found = String(value);
      return table.startsWith("_")
        ? new ValidationFailure((context) => `Found ID "${found}" from a system table, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${context}`)
        : new ValidationFailure((context) => `Found ID "${found}" from table \`${table}\`, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${context}`);
    }
    case "array": {
      if (!Array.isArray(value)) return noMatch(value, validator);
      for (const [index, item] of value.entries()) {
        const failure = checkValue(validator.value, item);
        if (failure !== null) return failure.within(`[${index}]`);
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      for (const [key, item] of Object.entries(value)) {
        const keyFailure = checkValue(validator.keys, key);
        if (keyFailure !== null) return keyFailure.within(".keys()");
        const valueFailure = checkValue(validator.values.fieldType, item);
        if (valueFailure !== null) return valueFailure.within(".values()");
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      for (const name of sortedKeys(validator.value)) {
        const field = validator.value[name]!;
        const item = value[name];
        if (item !== undefined) {
          const failure = checkValue(field.fieldType, item);
          if (failure !== null) return failure.within(`.${name}`);
        } else if (!field.optional) {
          return new ValidationFailure(
            (context) =>
              `Object is missing the required field \`${name}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n${context}\nObject: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`,
          );
        }
      }
      for (const name of sortedKeys(value)) {
        if (value[name] !== undefined && !(name in validator.value)) {
          return new ValidationFailure((context) => `Object contains extra field \`${name}\` that is not in the validator.\n${context}\nObject: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`);
        }
      }
      return null;
    }
    case "union": {
      if (validator.value.length === 1) return checkValue(validator.value[0]!, value);
      return validator.value.some((member) => checkValue(member, value) === null) ? null : noMatch(value, validator);
    }
    default:
      // Validators this checker does not know (e.g. a pending commit timestamp) pass.
      return null;
  }
}

function isPlainObject(value: Value): value is { [key: string]: Value } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof ArrayBuffer);
}

function sortedKeys(object: object): string[] {
  return Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Values as Convex prints them: floats always with a fraction (`42.0`), sorted object fields. */
export function displayValue(value: Value): string {
  if (value === null) return "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return displayFloat(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof ArrayBuffer) return `b${JSON.stringify(Buffer.from(value).toString("base64"))}`;
  if (Array.isArray(value)) return `[${value.map(displayValue).join(", ")}]`;
  const fields = value as Record<string, Value | undefined>;
  return `{${sortedKeys(fields)
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${key}: ${displayValue(fields[key]!)}`)
    .join(", ")}}`;
}

function displayFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(value);
    return text.includes(".") ? text : `${text}.0`;
  }
  return value.toExponential().replace("e+", "e");
}

function displayLiteral(literal: unknown): string {
  if (typeof literal === "object" && literal !== null && "$integer" in literal) return "<bigint>";
  if (typeof literal === "number" && !Number.isFinite(literal)) return "<number>";
  return JSON.stringify(literal);
}

export function displayValidator(validator: ValidatorJson): string {
  switch (validator.type) {
    case "number":
      return "v.float64()";
    case "bigint":
      return "v.int64()";
    case "null":
    case "boolean":
    case "string":
    case "bytes":
    case "any":
      return `v.${validator.type}()`;
    case "literal":
      return `v.literal(${displayLiteral(validator.value)})`;
    case "id":
      return `v.id("${validator.tableName}")`;
    case "array":
      return `v.array(${displayValidator(validator.value)})`;
    case "record":
      return `v.record(${displayValidator(validator.keys)}, ${displayValidator(validator.values.fieldType)})`;
    case "union":
      return `v.union(${validator.value.map(displayValidator).join(", ")})`;
    case "object":
      return `v.object({${sortedKeys(validator.value)
        .map((name) => {
          const field = validator.value[name]!;
          const shown = displayValidator(field.fieldType);
          return `${name}: ${field.optional ? `v.optional(${shown})` : shown}`;
        })
        .join(", ")}})`;
  }
}
