import { describe, expect, it } from "vitest";
import { cronExpressionFor, intervalMs, nextRunAt } from "../../../local-backend/engine/cron-schedule";

const at = (iso: string) => Date.parse(iso);

describe("cron schedules", () => {
  it("counts intervals from now", () => {
    expect(nextRunAt({ type: "interval", seconds: 30 }, 1_000)).toBe(31_000);
    expect(intervalMs({ type: "interval", hours: 1, minutes: 30 })).toBe(5_400_000);
    expect(() => intervalMs({ type: "interval", seconds: 0 })).toThrow(/Invalid cron interval/);
  });

  it("maps Convex's UTC helpers onto cron expressions", () => {
    expect(cronExpressionFor({ type: "hourly", minuteUTC: 15 })).toBe("15 * * * *");
    expect(cronExpressionFor({ type: "daily", hourUTC: 3 })).toBe("0 3 * * *");
    expect(cronExpressionFor({ type: "weekly", dayOfWeek: "tuesday", hourUTC: 9, minuteUTC: 5 })).toBe("5 9 * * 2");
    expect(cronExpressionFor({ type: "monthly", day: 1, hourUTC: 0 })).toBe("0 0 1 * *");
    expect(() => cronExpressionFor({ type: "weekly", dayOfWeek: "someday", hourUTC: 1 })).toThrow(/day of week/);
  });

  it("finds the next run strictly after now, in UTC", () => {
    expect(nextRunAt({ type: "daily", hourUTC: 3, minuteUTC: 0 }, at("2026-11-21T02:59:00Z"))).toBe(at("2026-11-21T03:00:00Z"));
    expect(nextRunAt({ type: "daily", hourUTC: 3, minuteUTC: 0 }, at("2026-11-21T03:00:00Z"))).toBe(at("2026-11-22T03:00:00Z"));
    expect(nextRunAt({ type: "cron", cron: "*/10 * * * *" }, at("2026-11-21T10:01:00Z"))).toBe(at("2026-11-21T10:10:00Z"));
  });
});
