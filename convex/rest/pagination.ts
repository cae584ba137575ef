import { z } from "zod";
import { PAGE_SIZE_MAX } from "../lib/pages";
import { errorResponse, jsonResponse } from "./responses";

/*
 * Cursor pagination, the same on every list: `?limit=&cursor=` in, `{data, nextCursor}` out
 * (`nextCursor` null on the last page). Cursors are Convex's own, opaque; a cursor from
 * another list (or none of ours) is the caller's mistake and answers 400 naming `cursor`.
 */

export const cursorParam = z.string().min(1).max(1000).optional().describe("`nextCursor` of the previous page; absent for the first page.");

/** `limit` (1 to `max`, `fallback` when absent) and `cursor`: spread into a list's query schema. */
export const pageParams = (fallback = 50, max = PAGE_SIZE_MAX) => ({
  limit: z.coerce.number().int().min(1).max(max).default(fallback).describe(`Rows per page, 1 to ${max}.`),
  cursor: cursorParam,
});

/** `{data: […], nextCursor}`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last one.") });

export type Page<T> = { page: T[]; isDone: boolean; continueCursor: string };

/** Runs one page's query; a refused cursor becomes a 400 on `cursor`, anything else is rethrown. */
export async function runPage<T>(cursor: string | undefined, run: (cursor: string | null) => Promise<Page<T>>): Promise<{ data: T[]; nextCursor: string | null } | Response> {
  try {
    const page = await run(cursor ?? null);
    return { data: page.page, nextCursor: page.isDone ? null : page.continueCursor };
  } catch (error) {
    if (cursor === undefined) throw error;
    return errorResponse("INVALID_ARGUMENT", "Invalid cursor.", { fields: { cursor: "Not a cursor from this list." } });
  }
}

/**
 * The answer for one page of a list: `{data, nextCursor}`, the cursor's 400, or
 * `missing()` when the query says the list's parent does not exist (null).
 */
export async function pageResponse<T>(
  query: { limit: number; cursor?: string | undefined },
  run: (paginationOpts: { numItems: number; cursor: string | null }) => Promise<Page<T> | null>,
  missing?: () => Response,
): Promise<Response> {
  let absent = false;
  const page = await runPage(query.cursor, async (cursor) => {
    const result = await run({ numItems: query.limit, cursor });
    absent = result === null;
    return result ?? { page: [], isDone: true, continueCursor: "" };
  });
  if (page instanceof Response) return page;
  if (absent && missing !== undefined) return missing();
  return jsonResponse(page);
}
