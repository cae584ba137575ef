import type { OpeningInterval, WeeklyHours } from "./types";

/**
 * Business time over a weekly schedule in its own time zone. Wall times are
 * turned into instants with the zone's real offset on each day, so a 09:00
 * opening stays 09:00 local across daylight-saving changes, and a Sunday with a
 * skipped hour holds 23 hours of "00:00–24:00".
 */
export interface BusinessCalendar {
  isOpen(at: number): boolean;
  /** Open time within [from, to). */
  openMillis(from: number, to: number): number;
  /** The earliest instant `t >= from` with `openMillis(from, t) >= millis`; null when the schedule never opens. */
  addOpenMillis(from: number, millis: number): number | null;
}

interface Span {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead addOpenMillis looks before deciding the schedule never opens (ten years of weeks). */
const MAX_WEEKS_AHEAD = 520;

export const ALWAYS_OPEN: BusinessCalendar = {
  isOpen: () => true,
  openMillis: (from, to) => Math.max(0, to - from),
  addOpenMillis: (from, millis) => from + Math.max(0, millis),
};

/** A time zone the runtime knows, checked the only portable way: by trying it. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** "09:30" → 570, "24:00" → 1440; null when malformed. */
export function minuteOfDay(time: string): number | null {
  const match = TIME.exec(time);
  if (match === null) return null;
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * No schedule (or one in an unknown zone) means always open, as the messenger
 * treats it; a schedule without intervals never opens. Malformed intervals are
 * skipped rather than guessed at.
 */
export function businessCalendar(hours: WeeklyHours | null | undefined): BusinessCalendar {
  if (hours === null || hours === undefined || !isKnownTimeZone(hours.timeZone)) return ALWAYS_OPEN;
  const intervals = hours.intervals.flatMap((interval) => parsed(interval));
  const zone = zoneClock(hours.timeZone);

  const spans = (from: number, to: number): Span[] => {
    if (to <= from) return [];
    const found: Span[] = [];
    // From the day before: an interval opened yesterday may run past midnight into `from`.
    for (let day = zone.localDay(from) - DAY; day <= zone.localDay(to); day += DAY) {
      const weekday = new Date(day).getUTCDay();
      for (const { day: intervalDay, open, close } of intervals) {
        if (intervalDay !== weekday) continue;
        const start = zone.instantOf(day + open * MINUTE);
        const end = zone.instantOf((close <= open ? day + DAY : day) + close * MINUTE);
        const clipped = { start: Math.max(start, from), end: Math.min(end, to) };
        if (clipped.end > clipped.start) found.push(clipped);
      }
    }
    return merged(found);
  };

  return {
    isOpen: (at) => spans(at, at + 1).length > 0,
    openMillis: (from, to) => spans(from, to).reduce((total, span) => total + span.end - span.start, 0),
    addOpenMillis(from, millis) {
      if (millis <= 0) return from;
      if (intervals.length === 0) return null;
      let remaining = millis;
      let windowStart = from;
      for (let week = 0; week < MAX_WEEKS_AHEAD; week++) {
        const windowEnd = windowStart + 7 * DAY;
        for (const span of spans(windowStart, windowEnd)) {
          const length = span.end - span.start;
          if (remaining <= length) return span.start + remaining;
          remaining -= length;
        }
        windowStart = windowEnd;
      }
      return null;
    },
  };
}

function parsed({ day, open, close }: OpeningInterval): { day: number; open: number; close: number }[] {
  const openMinute = minuteOfDay(open);
  const closeMinute = minuteOfDay(close);
  if (!Number.isInteger(day) || day < 0 || day > 6 || openMinute === null || closeMinute === null || openMinute === closeMinute) return [];
  return [{ day, open: openMinute, close: closeMinute }];
}

function merged(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  for (const span of spans) {
    const last = result[result.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else result.push({ ...span });
  }
  return result;
}

/**
 * Local days are written as the UTC midnight of the same calendar date, so day
 * arithmetic is plain addition and the weekday is `getUTCDay()`.
 */
function zoneClock(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  /** The local wall clock at `instant`, written as if it were UTC. */
  const wallAt = (instant: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts["year"] ?? 1970, (parts["month"] ?? 1) - 1, parts["day"] ?? 1, (parts["hour"] ?? 0) % 24, parts["minute"] ?? 0, parts["second"] ?? 0);
    return wall + (instant - Math.floor(instant / 1000) * 1000);
  };
  const offsetAt = (instant: number) => wallAt(instant) - instant;
  return {
    localDay: (instant: number) => Math.floor(wallAt(instant) / DAY) * DAY,
    /**
     * The instant a wall time occurs. A wall time skipped by a spring-forward
     * change moves forward by the gap (02:30 becomes 03:30); one repeated in
     * autumn takes its later occurrence.
     */
    instantOf(wall: number): number {
      const guess = wall - offsetAt(wall);
      return wall - offsetAt(guess);
    },
  };
}
