// When a cron job of convex/crons.ts runs next. Convex's hourly/daily/weekly/monthly helpers
// are UTC schedules, which map onto cron expressions; intervals count from now.
import { CronExpressionParser } from "cron-parser";

export type CronScheduleSpec =
  | { type: "cron"; cron: string }
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number };

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function intervalMs(schedule: Extract<CronScheduleSpec, { type: "interval" }>): number {
  const ms = ((schedule.hours ?? 0) * 3600 + (schedule.minutes ?? 0) * 60 + (schedule.seconds ?? 0)) * 1000;
  if (!(ms > 0)) throw new Error(`Invalid cron interval: ${JSON.stringify(schedule)}`);
  return ms;
}

export function cronExpressionFor(schedule: Exclude<CronScheduleSpec, { type: "interval" }>): string {
  switch (schedule.type) {
    case "cron":
      return schedule.cron;
    case "hourly":
      return `${schedule.minuteUTC ?? 0} * * * *`;
    case "daily":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * *`;
    case "weekly": {
      const day = DAYS.indexOf(schedule.dayOfWeek);
      if (day < 0) throw new Error(`Invalid cron day of week: ${schedule.dayOfWeek}`);
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * ${day}`;
    }
    case "monthly":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} ${schedule.day} * *`;
  }
}

/** Milliseconds since the epoch of the next run strictly after `now`. */
export function nextRunAt(schedule: CronScheduleSpec, now: number): number {
  if (schedule.type === "interval") return now + intervalMs(schedule);
  const expression = CronExpressionParser.parse(cronExpressionFor(schedule), { currentDate: new Date(now), tz: "UTC" });
  return expression.next().getTime();
}
