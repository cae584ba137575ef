/**
 * The names of engagement result counters. A counter is keyed (workspace, itemType, itemId,
 * metric); the metric names below are the whole vocabulary. Counts that say "visitors" are
 * distinct visitors (the writer checks the visitor's own row to know a first time); the
 * others count every event.
 */

export type ResultItemType = "tour" | "tooltip" | "outbound" | "survey" | "checklist";
export type CounterItemType = ResultItemType | "csat";

export const METRIC = {
  /** Visitors who were shown the item (tours: its first step). */
  shown: "shown",
  /** Every showing (tooltips: every time one opened). */
  shownTimes: "shownTimes",
  /** Tours: visitors who went past the first step; surveys: visitors who answered a first question. */
  started: "started",
  completed: "completed",
  dismissed: "dismissed",
  /** Outbound: visitors who pressed any call to action. */
  clicked: "clicked",
  /** Outbound chats: conversations in which the visitor wrote after Reply. */
  replies: "replies",
  csatCount: "count",
  csatSum: "sum",
} as const;

/** Tours: visitors who reached step `index` (0-based). */
export const stepMetric = (index: number) => `step:${index}`;
/** Outbound: presses of button `index` (0-based), or of a chat's Reply. */
export const buttonMetric = (button: number | "reply") => `click:${button}`;
/** Checklists: visitors who completed task `taskId`. */
export const taskMetric = (taskId: string) => `task:${taskId}`;
/** Surveys: answers to a question, and how many gave each value (a choice, a score). */
export const answeredMetric = (questionId: string) => `answered:${questionId}`;
export const answerMetric = (questionId: string, value: string | number) => `answer:${questionId}:${String(value)}`;
/** CSAT: ratings of `rating` stars that day. */
export const ratingMetric = (rating: number) => `rating:${rating}`;

/**
 * Counters are split over this many shards. On Convex, two mutations that write the same
 * document conflict (optimistic concurrency) and one retries; a popular tour's "shown"
 * counter is written by every new visitor. Spreading by visitor keeps concurrent visitors on
 * different documents, at the cost of reading up to SHARDS rows per metric.
 */
export const SHARDS = 8;

/** A stable shard for a key (a visitor id): FNV-1a, so the same visitor always writes the same shard. */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

export const DAY_MS = 86_400_000;

/** The UTC day of an instant, as CSAT buckets are keyed: `2026-12-03`. */
export function dayKey(at: number): string {
  return new Date(Math.floor(at / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Sums counter rows (one per shard) into one number per metric. */
export function sumByMetric(rows: ReadonlyArray<{ metric: string; value: number }>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.metric, (totals.get(row.metric) ?? 0) + row.value);
  return totals;
}

/** A tally of counter changes made by one event or one rebuild batch, written in one go. */
export class CounterDeltas {
  readonly byMetric = new Map<string, number>();
  add(metric: string, by = 1): this {
    this.byMetric.set(metric, (this.byMetric.get(metric) ?? 0) + by);
    return this;
  }
}
