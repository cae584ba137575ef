/** Snooze choices, computed in the operator's own time zone. */
export const SNOOZE_PRESETS = [
  { value: "1h", label: "For 1 hour" },
  { value: "4h", label: "For 4 hours" },
  { value: "tomorrow", label: "Until tomorrow 09:00" },
  { value: "monday", label: "Until next Monday 09:00" },
] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number]["value"];

const HOUR = 3600_000;

/** The instant a preset snoozes until, from `now`, in the page's local time. */
export function snoozeUntil(preset: SnoozePreset, now: number): number {
  if (preset === "1h") return now + HOUR;
  if (preset === "4h") return now + 4 * HOUR;
  const date = new Date(now);
  const days = preset === "tomorrow" ? 1 : ((8 - date.getDay()) % 7 || 7);
  // setDate, not + 24 h: a day across a daylight-saving change is 23 or 25 hours.
  date.setDate(date.getDate() + days);
  date.setHours(9, 0, 0, 0);
  return date.getTime();
}

export function isSnoozePreset(value: string): value is SnoozePreset {
  return SNOOZE_PRESETS.some((preset) => preset.value === value);
}
