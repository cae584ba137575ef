import { describe, expect, it } from "vitest";
import { availability, zonedClock } from "../../../src/messenger/availability";

const PARIS_WEEKDAYS = {
  timeZone: "Europe/Paris",
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })),
};
// Monday 3 March 2025: Paris is UTC+1 in winter.
const at = (iso: string) => Date.parse(iso);

describe("availability", () => {
  it("reads the weekday and time in the schedule's own time zone", () => {
    expect(zonedClock(at("2025-03-03T08:30:00Z"), "Europe/Paris")).toEqual({ day: 1, minutes: 9 * 60 + 30 });
    expect(zonedClock(at("2025-03-03T02:00:00Z"), "America/New_York")).toEqual({ day: 0, minutes: 21 * 60 });
    expect(zonedClock(0, "Mars/Base")).toBeNull();
  });

  it("is online inside an interval and away outside, with when the team is back", () => {
    expect(availability(PARIS_WEEKDAYS, at("2025-03-03T08:30:00Z"))).toEqual({ online: true });
    expect(availability(PARIS_WEEKDAYS, at("2025-03-03T07:30:00Z"))).toEqual({
      online: false,
      nextOpen: { day: 1, time: "09:00", inDays: 0 },
    });
    // Monday 19:00 in Paris: back Tuesday.
    expect(availability(PARIS_WEEKDAYS, at("2025-03-03T18:00:00Z"))).toEqual({
      online: false,
      nextOpen: { day: 2, time: "09:00", inDays: 1 },
    });
    // Friday evening: back Monday, three days later.
    expect(availability(PARIS_WEEKDAYS, at("2025-03-07T18:00:00Z"))).toEqual({
      online: false,
      nextOpen: { day: 1, time: "09:00", inDays: 3 },
    });
  });

  it("handles intervals past midnight, including Saturday night into Sunday", () => {
    const nights = { timeZone: "UTC", intervals: [{ day: 6, open: "22:00", close: "02:00" }] };
    expect(availability(nights, at("2025-03-08T23:00:00Z")).online).toBe(true); // Saturday 23:00
    expect(availability(nights, at("2025-03-09T01:30:00Z")).online).toBe(true); // Sunday 01:30
    expect(availability(nights, at("2025-03-09T02:30:00Z")).online).toBe(false);
  });

  it("counts as always available without office hours, with an unknown zone, and never open with no intervals", () => {
    expect(availability(null, 0)).toEqual({ online: true });
    expect(availability({ timeZone: "Nowhere/City", intervals: [] }, 0)).toEqual({ online: true });
    expect(availability({ timeZone: "UTC", intervals: [] }, 0)).toEqual({ online: false, nextOpen: null });
  });
});
