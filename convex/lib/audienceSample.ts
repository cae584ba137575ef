/**
 * How the audience estimate samples visitors: the most recently seen ones of
 * the last 30 days, at most 2,000, and fewer when the rule counts events, since
 * every counted event costs one more read per visitor and a Convex query may
 * read at most 32,000 documents (we keep a margin under it).
 */

export const ESTIMATE_WINDOW_DAYS = 30;
export const ESTIMATE_SAMPLE_MAX = 2000;
const READ_BUDGET = 30_000;

/** How many visitors to read when the rule counts `eventNames` events. */
export function estimateSampleSize(eventNames: number): number {
  return Math.min(ESTIMATE_SAMPLE_MAX, Math.floor(READ_BUDGET / (1 + eventNames)));
}
