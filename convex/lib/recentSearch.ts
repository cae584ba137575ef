import { invalidArgument } from "./errors";

/*
 * The inbox's Contacts lists (people, companies): most recently seen first, searched by
 * substring among the most recent ones. convex-test's search indexes fail on documents
 * without the searched field (most visitors have no name), and the local backend runs on it.
 */

export const RECENT_LIST_LIMIT_MAX = 100;
export const RECENT_SEARCH_MAX = 100;
/** How many of the most recently seen a search looks through. */
export const RECENT_SEARCH_WINDOW = 1000;

/** The lowercased needle, or "" for no search; INVALID_ARGUMENT names `limit` or `search`. */
export function checkRecentListArgs(limit: number, search: string): string {
  if (!Number.isInteger(limit) || limit < 1 || limit > RECENT_LIST_LIMIT_MAX) {
    throw invalidArgument("limit", `The limit must be a whole number from 1 to ${RECENT_LIST_LIMIT_MAX}.`);
  }
  if (search.length > RECENT_SEARCH_MAX) throw invalidArgument("search", `The search must be at most ${RECENT_SEARCH_MAX} characters.`);
  return search.trim().toLowerCase();
}

/** The first `limit` rows whose searched texts contain the needle. */
export function matching<T>(rows: readonly T[], needle: string, texts: (row: T) => (string | null | undefined)[], limit: number): T[] {
  return rows.filter((row) => texts(row).some((text) => text?.toLowerCase().includes(needle))).slice(0, limit);
}
