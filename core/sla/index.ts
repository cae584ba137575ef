/** SLA clocks of tickets: business hours, the five metrics, and the names both sides share. */
export { ALWAYS_OPEN, businessCalendar, isKnownTimeZone, minuteOfDay, type BusinessCalendar } from "./calendar";
export { computeSlaMetrics } from "./metrics";
export * from "./types";
