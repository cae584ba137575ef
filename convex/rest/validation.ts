import type { z } from "zod";
import { fieldErrors, requiredMessage } from "../lib/fieldErrors";
import { errorResponse } from "./responses";

/*
 * Requests arrive as untrusted text: read, parse, validate with the route's zod
 * schemas, and on failure answer 400 with one message per offending field,
 * keyed by its path (`steps.0.title`), or `(body)` when the body as a whole is
 * wrong (an array where an object belongs).
 */

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export function validate<T>(schema: z.ZodType<T>, value: unknown, what: "query parameters" | "request body"): Parsed<T> {
  const parsed = schema.safeParse(value, { error: requiredMessage });
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    response: errorResponse("INVALID_ARGUMENT", `Invalid ${what}.`, { fields: fieldErrors(parsed.error) }),
  };
}

/**
 * The body as JSON, whatever the Content-Type says (clients that forget the
 * header still work). `emptyIsObject`: routes whose every field is optional
 * take an empty body as `{}`.
 */
export async function readJsonBody(request: Request, emptyIsObject: boolean): Promise<Parsed<unknown>> {
  const text = await request.text();
  if (emptyIsObject && text.trim() === "") return { ok: true, data: {} };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse("INVALID_JSON", "Request body must be valid JSON.") };
  }
}

/** Only the declared parameters are read; others in the URL are ignored. */
export function queryValues(request: Request, names: readonly string[]): Record<string, string | undefined> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined]));
}
