import * as v from "valibot";

/** Parses with `schema`, or null when the value does not fit. */
export function parseOrNull<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : null;
}
