import { invalidArgument } from "./errors";

/** Checks for SLA policy targets (milliseconds of business time). */

export const SLA_TARGET_MIN_MS = 60_000;
export const SLA_TARGET_MAX_MS = 365 * 24 * 3_600_000;

/** A whole number of milliseconds from one minute to a year; INVALID_ARGUMENT names `field` otherwise. */
export function checkSlaTarget(field: string, value: number): number {
  if (!Number.isInteger(value)) throw invalidArgument(field, `${field} must be a whole number of milliseconds.`);
  if (value < SLA_TARGET_MIN_MS || value > SLA_TARGET_MAX_MS) {
    throw invalidArgument(field, `${field} must be between ${SLA_TARGET_MIN_MS} (one minute) and ${SLA_TARGET_MAX_MS} (a year).`);
  }
  return value;
}
