/** An opening interval as the messenger settings store it: day 0 = Sunday … 6 = Saturday, "HH:MM" times. */
export type OpeningInterval = { day: number; open: string; close: string };

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Monday to Friday, nine to five: what a new schedule starts from. */
export function defaultWeek(): OpeningInterval[] {
  return [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));
}

/** The browser's own time zone, the likeliest answer for a new schedule. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** IANA zones the browser knows, for suggestions (older browsers: none, the field still takes any). */
export function knownTimeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported("timeZone") : [];
}
