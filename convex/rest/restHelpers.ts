import { z } from "zod";
import { zodFieldErrors } from "./parsing";
import { errorResponse } from "./responses";

/** Small pieces the messenger's REST modules share. */

export const trimmedText = (max: number) => z.string().trim().min(1).max(max);
export const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);
export const limitParam = z.coerce.number().int().min(1).max(100).default(50);

/** Parses the URL's query parameters with `schema`; a 400 naming each bad parameter otherwise. */
export function parseQuery<T>(
  request: Request,
  schema: z.ZodType<T>,
  names: readonly string[],
): { ok: true; data: T } | { ok: false; response: Response } {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    response: errorResponse("INVALID_ARGUMENT", "Invalid query parameters.", { fields: zodFieldErrors(parsed.error) }),
  };
}

/** Drops keys whose value is undefined (Convex validators refuse explicit undefined in args). */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
