/**
 * Whether the team is available now, from the workspace's office hours (intervals by
 * weekday, in the schedule's own time zone), and when it is back. Pure: `now` comes in.
 */

export interface OpeningInterval {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** "HH:MM", in the schedule's time zone; "24:00" may close a day. */
  open: string;
  close: string;
}

export interface OfficeHours {
  timeZone: string;
  intervals: OpeningInterval[];
}

export type Availability =
  | { online: true }
  /** `inDays`: 0 = later today, 1 = tomorrow…; null when no interval is ever open. */
  | { online: false; nextOpen: { day: number; time: string; inDays: number } | null };

const WEEK_MINUTES = 7 * 24 * 60;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** Weekday and minute of the day at `now` in `timeZone`; null for an unknown zone. */
export function zonedClock(now: number, timeZone: string): { day: number; minutes: number } | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    return null;
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = WEEKDAYS.indexOf(part("weekday"));
  if (day < 0) return null;
  return { day, minutes: (Number(part("hour")) % 24) * 60 + Number(part("minute")) };
}

/** An interval as [start, end) minutes of the week; one ending before it starts runs past midnight. */
function span({ day, open, close }: OpeningInterval): [number, number] {
  const start = day * 24 * 60 + minutesOf(open);
  let end = day * 24 * 60 + minutesOf(close);
  if (end <= start) end += 24 * 60;
  return [start, end];
}

/** No office hours (or an unknown time zone) means always available. */
export function availability(hours: OfficeHours | null | undefined, now: number): Availability {
  if (!hours) return { online: true };
  const clock = zonedClock(now, hours.timeZone);
  if (!clock) return { online: true };
  const current = clock.day * 24 * 60 + clock.minutes;
  const valid = hours.intervals.filter((interval) => interval.day >= 0 && interval.day <= 6);
  const open = valid.some((interval) => {
    const [start, end] = span(interval);
    // Also the same interval one week earlier, for Saturday-night spans into Sunday.
    return (current >= start && current < end) || (current + WEEK_MINUTES >= start && current + WEEK_MINUTES < end);
  });
  if (open) return { online: true };
  let best: { wait: number; interval: OpeningInterval } | null = null;
  for (const interval of valid) {
    const wait = (span(interval)[0] - current + WEEK_MINUTES) % WEEK_MINUTES || WEEK_MINUTES;
    if (!best || wait < best.wait) best = { wait, interval };
  }
  if (!best) return { online: false, nextOpen: null };
  const inDays = Math.floor((clock.minutes + best.wait) / (24 * 60));
  return { online: false, nextOpen: { day: best.interval.day, time: best.interval.open, inDays } };
}
