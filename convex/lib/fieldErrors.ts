import type { z } from "zod";

/*
 * How a zod failure is reported, one message per offending field keyed by its path
 * (`steps.0.title`, or `(body)` when the value as a whole is wrong). The REST API's error
 * body and the inbox's operator functions both answer with this map, so a form shows the
 * same message at the same field whichever way the content came in.
 */

export const REQUIRED_MESSAGE = "Required.";
export const UNKNOWN_FIELD_MESSAGE = "Unknown field.";

/**
 * Zod says "Invalid input: expected string, received undefined" for a missing
 * field; say it is required. Messages a schema sets itself still win.
 */
export const requiredMessage = (issue: z.core.$ZodRawIssue): string | undefined =>
  issue.code === "invalid_type" && issue.input === undefined ? REQUIRED_MESSAGE : undefined;

/**
 * `{ "text": "Required.", "colour": "Unknown field." }`. An unknown key is
 * named as its own field, so a typo (or a smuggled `identitySecret`) says which.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...base, key].join(".")] ??= UNKNOWN_FIELD_MESSAGE;
      continue;
    }
    fields[base.join(".") || "(body)"] ??= issue.message;
  }
  return fields;
}
