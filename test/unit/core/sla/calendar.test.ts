import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN, businessCalendar, minuteOfDay } from "../../../../core/sla/calendar";

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const WEEKDAYS = [1, 2, 3, 4, 5];
/** Monday to Friday, 09:00–18:00 in Paris. */
const paris = businessCalendar({ timeZone: "Europe/Paris", intervals: WEEKDAYS.map((day) => ({ day, open: "09:00", close: "18:00" })) });

describe("business calendar", () => {
  it("is always open without a schedule or with a zone the runtime does not know", () => {
    expect(businessCalendar(null)).toBe(ALWAYS_OPEN);
    const unknown = businessCalendar({ timeZone: "Mars/Olympus_Mons", intervals: [] });
    expect(unknown.openMillis(0, HOUR)).toBe(HOUR);
    expect(unknown.addOpenMillis(5, HOUR)).toBe(5 + HOUR);
  });

  it("opens at the opening minute and closes at the closing one", () => {
    expect(paris.isOpen(at("2026-01-12T09:00:00+01:00"))).toBe(true);
    expect(paris.isOpen(at("2026-01-12T08:59:59.999+01:00"))).toBe(false);
    expect(paris.isOpen(at("2026-01-12T17:59:59.999+01:00"))).toBe(true);
    expect(paris.isOpen(at("2026-01-12T18:00:00+01:00"))).toBe(false);
    expect(paris.isOpen(at("2026-01-17T12:00:00+01:00"))).toBe(false); // Saturday
  });

  it("skips the night and the weekend", () => {
    expect(paris.openMillis(at("2026-01-12T17:00:00+01:00"), at("2026-01-13T10:00:00+01:00"))).toBe(2 * HOUR);
    expect(paris.openMillis(at("2026-01-16T17:00:00+01:00"), at("2026-01-19T10:00:00+01:00"))).toBe(2 * HOUR);
    expect(paris.openMillis(at("2026-01-17T10:00:00+01:00"), at("2026-01-18T20:00:00+01:00"))).toBe(0);
    expect(paris.addOpenMillis(at("2026-01-16T17:00:00+01:00"), 2 * HOUR)).toBe(at("2026-01-19T10:00:00+01:00"));
  });

  it("lands exactly on a closing time when the time runs out there", () => {
    expect(paris.addOpenMillis(at("2026-01-12T17:00:00+01:00"), HOUR)).toBe(at("2026-01-12T18:00:00+01:00"));
    expect(paris.addOpenMillis(at("2026-01-12T17:00:00+01:00"), HOUR + 1)).toBe(at("2026-01-13T09:00:00+01:00") + 1);
  });

  it("keeps 09:00 local across the spring-forward weekend (Paris, 29 March 2026)", () => {
    // Friday 17:00 CET plus two business hours is Monday 10:00 CEST: 08:00 UTC, not 09:00.
    expect(paris.addOpenMillis(at("2026-03-27T17:00:00+01:00"), 2 * HOUR)).toBe(at("2026-03-30T08:00:00Z"));
    expect(paris.openMillis(at("2026-03-27T17:00:00+01:00"), at("2026-03-30T10:00:00+02:00"))).toBe(2 * HOUR);
  });

  it("keeps 09:00 local across the fall-back weekend (Paris, 25 October 2026)", () => {
    expect(paris.addOpenMillis(at("2026-10-23T17:00:00+02:00"), 2 * HOUR)).toBe(at("2026-10-26T09:00:00Z"));
  });

  it("counts the real length of a day with a clock change", () => {
    const everyDay = businessCalendar({
      timeZone: "Europe/Paris",
      intervals: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: "00:00", close: "24:00" })),
    });
    expect(everyDay.openMillis(at("2026-03-28T00:00:00+01:00"), at("2026-03-31T00:00:00+02:00"))).toBe((24 + 23 + 24) * HOUR);
    expect(everyDay.openMillis(at("2026-10-24T00:00:00+02:00"), at("2026-10-27T00:00:00+01:00"))).toBe((24 + 25 + 24) * HOUR);
  });

  it("runs an interval closing before it opens past midnight", () => {
    const nights = businessCalendar({ timeZone: "UTC", intervals: [{ day: 5, open: "22:00", close: "02:00" }] });
    expect(nights.isOpen(at("2026-01-17T01:00:00Z"))).toBe(true); // Saturday 01:00, opened Friday
    expect(nights.openMillis(at("2026-01-16T23:00:00Z"), at("2026-01-17T03:00:00Z"))).toBe(3 * HOUR);
    expect(nights.addOpenMillis(at("2026-01-17T01:00:00Z"), 2 * HOUR)).toBe(at("2026-01-23T23:00:00Z"));
  });

  it("moves a wall time skipped by the spring change forward by the gap", () => {
    const earlySunday = businessCalendar({ timeZone: "Europe/Paris", intervals: [{ day: 0, open: "02:30", close: "04:00" }] });
    expect(earlySunday.openMillis(at("2026-03-29T00:00:00Z"), at("2026-03-29T06:00:00Z"))).toBe(HOUR / 2);
  });

  it("never opens without intervals, and ignores malformed ones", () => {
    const closed = businessCalendar({ timeZone: "Europe/Paris", intervals: [{ day: 9, open: "09:00", close: "10:00" }, { day: 1, open: "9am", close: "10:00" }] });
    expect(closed.openMillis(0, 30 * 24 * HOUR)).toBe(0);
    expect(closed.addOpenMillis(0, HOUR)).toBeNull();
    expect(closed.addOpenMillis(42, 0)).toBe(42);
  });

  it("reads HH:MM and 24:00", () => {
    expect(minuteOfDay("00:00")).toBe(0);
    expect(minuteOfDay("09:30")).toBe(570);
    expect(minuteOfDay("24:00")).toBe(1440);
    expect(minuteOfDay("24:01")).toBeNull();
    expect(minuteOfDay("9:30")).toBeNull();
  });
});
