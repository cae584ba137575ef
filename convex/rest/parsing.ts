import type { z } from "zod";
import { errorResponse } from "./responses";

/** Request bodies arrive as untrusted text: parse, then validate with zod. */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse("INVALID_JSON", "Request body must be valid JSON.") };
  }
}

/** `{ "text": "Too small: …" }` — one message per offending field, keyed by its path. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "(body)";
    fields[path] ??= issue.message;
  }
  return fields;
}
