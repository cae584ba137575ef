import { z } from "zod";

/** Small pieces the messenger's REST modules share. */

export const trimmedText = (max: number) => z.string().trim().min(1).max(max);
export const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);
export const idParams = (what: string) => z.object({ id: z.string().describe(`The ${what}'s id.`) });

/** Drops keys whose value is undefined (Convex validators refuse explicit undefined in args). */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
