import type { PaginationOptions, PaginationResult } from "convex/server";

/** Pages of REST lists: one page size bound, and the page's rows mapped to their views. */

/** No list page holds more than this many rows, whatever the caller asks. */
export const PAGE_SIZE_MAX = 100;

/** `opts` with `numItems` a whole number between 1 and `max`. */
export function boundedPage(opts: PaginationOptions, max = PAGE_SIZE_MAX): PaginationOptions {
  return { ...opts, numItems: Math.max(1, Math.min(max, Math.floor(opts.numItems))) };
}

/** The same page with each row turned into its view. */
export async function mapPage<Row, View>(result: PaginationResult<Row>, view: (row: Row) => View | Promise<View>): Promise<PaginationResult<View>> {
  return { ...result, page: await Promise.all(result.page.map(view)) };
}
