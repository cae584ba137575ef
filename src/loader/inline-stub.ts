import { API_METHODS, type ApiMethod } from "../sdk/methods";

/*
 * The one-line inline snippet a page may put before the async tag (README, docs/js-api.md),
 * so that `OpencomWidget.on(…)` works before the tag has loaded:
 *
 *   window.OpencomWidget ||= { _q: [], …every method: (...args) => _q.push([name, args]) }
 *
 * The loader takes its calls over, in the order they were made.
 */

export type InlineCall = { method: ApiMethod; args: unknown[] };

const isMethod = (name: unknown): name is ApiMethod => typeof name === "string" && (API_METHODS as readonly string[]).includes(name);

/** The calls the inline snippet queued, or null when `existing` is not that snippet's object. */
export function inlineStubCalls(existing: unknown): InlineCall[] | null {
  if (typeof existing !== "object" || existing === null) return null;
  const queue: unknown = (existing as { _q?: unknown })._q;
  if (!Array.isArray(queue)) return null;
  return queue.flatMap((entry: unknown) => {
    if (!Array.isArray(entry) || !isMethod(entry[0])) return [];
    return [{ method: entry[0], args: Array.isArray(entry[1]) ? (entry[1] as unknown[]) : [] }];
  });
}
