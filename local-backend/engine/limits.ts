// Convex's limits on values and documents, with its wording (see
// https://docs.convex.dev/production/state/limits): arrays of at most 8,192 items, objects of
// at most 1,024 fields, values nested at most 64 deep; documents of at most 1 MiB, nested at
// most 16 deep, with no top-level field starting with "_" but the system ones.
import type { Value } from "convex/values";
import { DeploymentError } from "./errors";

export const MAX_ARRAY_LENGTH = 8192;
export const MAX_OBJECT_FIELDS = 1024;
export const MAX_VALUE_NESTING = 64;
export const MAX_DOCUMENT_BYTES = 1 << 20;
export const MAX_DOCUMENT_NESTING = 16;
export const MAX_ARGS_BYTES = 1 << 24;
export const MAX_RESULT_BYTES = 1 << 24;

/** Convex's size of a value: one byte per delimiter and tag, as its storage counts it. */
export function valueSize(value: Value): number {
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "number" || typeof value === "bigint") return 9;
  if (typeof value === "string") return Buffer.byteLength(value) + 2;
  if (value instanceof ArrayBuffer) return value.byteLength + 2;
  if (Array.isArray(value)) return 2 + value.reduce<number>((sum, item) => sum + valueSize(item), 0);
  let size = 2;
  for (const [name, item] of Object.entries(value)) if (item !== undefined) size += Buffer.byteLength(name) + 1 + valueSize(item);
  return size;
}

/** Nesting as Convex counts it: a scalar is 0, an array or object one more than its deepest item. */
export function valueNesting(value: Value): number {
  if (value === null || typeof value !== "object" || value instanceof ArrayBuffer) return 0;
  const items = Array.isArray(value) ? value : Object.values(value).filter((item): item is Value => item !== undefined);
  return 1 + items.reduce<number>((deepest, item) => Math.max(deepest, valueNesting(item)), 0);
}

/** Array length, field count and nesting limits of any value (arguments, results, documents). */
export function assertValueLimits(value: Value): void {
  const visit = (item: Value, depth: number): void => {
    if (item === null || typeof item !== "object" || item instanceof ArrayBuffer) return;
    if (depth > MAX_VALUE_NESTING) throw new Error(`Value is too nested (nested ${depth} levels deep > maximum nesting ${MAX_VALUE_NESTING})`);
    if (Array.isArray(item)) {
      if (item.length > MAX_ARRAY_LENGTH) throw new Error(`Array length is too long (${item.length} > maximum length ${MAX_ARRAY_LENGTH})`);
      for (const element of item) visit(element, depth + 1);
      return;
    }
    const fields = Object.values(item).filter((field): field is Value => field !== undefined);
    if (fields.length > MAX_OBJECT_FIELDS) throw new Error(`Object has too many fields (${fields.length} > maximum number ${MAX_OBJECT_FIELDS})`);
    for (const field of fields) visit(field, depth + 1);
  };
  visit(value, 1);
}

/** The document-only limits: size, nesting and reserved top-level field names. */
export function assertDocumentLimits(fields: Record<string, Value>): void {
  for (const name of Object.keys(fields)) {
    if (name.startsWith("_")) throw new Error(`Field '${name}' starts with an underscore, which is only allowed for system fields like '_id'`);
  }
  const nesting = valueNesting(fields);
  if (nesting > MAX_DOCUMENT_NESTING) throw new Error(`Document is too nested (nested ${nesting} levels deep > maximum nesting ${MAX_DOCUMENT_NESTING})`);
  const size = valueSize(fields);
  if (size > MAX_DOCUMENT_BYTES) throw new Error(`Value is too large (${binarySize(size)} > maximum size ${binarySize(MAX_DOCUMENT_BYTES)})`);
}

/** Sizes as Convex prints them: binary units, at most two decimals ("1.5 MiB", "16 MiB"). */
export function binarySize(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(2))} ${units[unit]}`;
}

/** A function's return value: the same value limits, and at most 16 MiB. */
export function assertResultLimits(udfPath: string, result: Value): void {
  try {
    assertValueLimits(result);
  } catch (error) {
    throw new DeploymentError(`Function ${udfPath} return value invalid: ${(error as Error).message}`);
  }
  const size = valueSize(result);
  if (size > MAX_RESULT_BYTES) throw new DeploymentError(`Function ${udfPath} return value is too large (actual: ${binarySize(size)}, limit: ${binarySize(MAX_RESULT_BYTES)})`);
}
