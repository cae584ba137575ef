import { invalidArgument } from "./errors";

/** The longest snooze an operator may set. */
export const SNOOZE_MAX_MS = 365 * 24 * 3600_000;
/**
 * The longest single wait of the wake-up job: a later snooze wakes, finds it early and
 * plans again, which keeps timers within what setTimeout-based schedulers accept.
 */
export const SNOOZE_WAKE_MAX_WAIT_MS = 7 * 24 * 3600_000;

/** A snooze end in whole epoch milliseconds, after `now` and at most a year ahead. */
export function checkSnoozeUntil(until: number, now: number): number {
  if (!Number.isSafeInteger(until)) throw invalidArgument("until", "until must be a whole number of epoch milliseconds.");
  if (until <= now) throw invalidArgument("until", "until must be in the future.");
  if (until - now > SNOOZE_MAX_MS) throw invalidArgument("until", "A conversation can be snoozed for at most a year.");
  return until;
}

/** When the wake-up job should next run for a snooze ending at `until`. */
export function nextWakeAt(until: number, now: number): number {
  return Math.min(until, now + SNOOZE_WAKE_MAX_WAIT_MS);
}
