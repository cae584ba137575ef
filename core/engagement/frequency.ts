/**
 * How often an experience may show to one visitor, and in which date window.
 *
 * - `once` — until it has been shown once.
 * - `until_completed` — on every eligible visit until the visitor completes it
 *   (finishes the tour, answers the survey, clicks the call to action) or
 *   dismisses it: an explicit "no" is respected; merely leaving the page is not one.
 * - `every` N days — again N days after the last time it was shown, completed
 *   or dismissed, whatever the outcome (e.g. an NPS survey every 90 days).
 */
export type Frequency =
  | { type: "once" }
  | { type: "until_completed" }
  | { type: "every"; days: number };

/** One visitor's history with one experience. Times are epoch milliseconds. */
export type ExposureHistory = {
  lastShownAt?: number;
  completedAt?: number;
  dismissedAt?: number;
  shownCount: number;
};

export type Schedule = { startsAt?: number; endsAt?: number };

export const DAY_MS = 86_400_000;
export const DEFAULT_FREQUENCY: Frequency = { type: "once" };
export const NEVER_SHOWN: ExposureHistory = { shownCount: 0 };

export function isDue(frequency: Frequency, history: ExposureHistory, now: number): boolean {
  switch (frequency.type) {
    case "once":
      return history.shownCount === 0 && history.completedAt === undefined && history.dismissedAt === undefined;
    case "until_completed":
      return history.completedAt === undefined && history.dismissedAt === undefined;
    case "every": {
      const last = lastInteraction(history);
      return last === undefined || now - last >= frequency.days * DAY_MS;
    }
    default:
      return false; // unknown frequency from a newer server: stay quiet
  }
}

function lastInteraction(history: ExposureHistory): number | undefined {
  const times = [history.lastShownAt, history.completedAt, history.dismissedAt].filter(
    (time): time is number => time !== undefined,
  );
  return times.length === 0 ? undefined : Math.max(...times);
}

/** `startsAt` is inclusive, `endsAt` exclusive; a missing bound is open. */
export function isWithinSchedule(schedule: Schedule, now: number): boolean {
  if (schedule.startsAt !== undefined && now < schedule.startsAt) return false;
  if (schedule.endsAt !== undefined && now >= schedule.endsAt) return false;
  return true;
}

/** Type guard for frequencies arriving as untrusted data. */
export function isFrequency(value: unknown): value is Frequency {
  if (typeof value !== "object" || value === null) return false;
  const frequency = value as Record<string, unknown>;
  const keys = Object.keys(frequency).length;
  if (frequency["type"] === "once" || frequency["type"] === "until_completed") return keys === 1;
  const days = frequency["days"];
  return (
    frequency["type"] === "every" && keys === 2 && typeof days === "number" && Number.isInteger(days) && days >= 1
  );
}
