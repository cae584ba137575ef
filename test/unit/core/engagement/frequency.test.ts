import { describe, expect, test } from "vitest";
import { DAY_MS, isDue, isFrequency, isWithinSchedule, NEVER_SHOWN } from "../../../../core/engagement/frequency";

const now = Date.UTC(2025, 5, 1);

describe("isDue", () => {
  test("once: only before the first showing", () => {
    expect(isDue({ type: "once" }, NEVER_SHOWN, now)).toBe(true);
    expect(isDue({ type: "once" }, { shownCount: 1, lastShownAt: now - DAY_MS * 400 }, now)).toBe(false);
    expect(isDue({ type: "once" }, { shownCount: 0, dismissedAt: now - 1 }, now)).toBe(false);
  });

  test("until completed: keeps showing until completed or dismissed", () => {
    const frequency = { type: "until_completed" } as const;
    expect(isDue(frequency, NEVER_SHOWN, now)).toBe(true);
    expect(isDue(frequency, { shownCount: 5, lastShownAt: now - 1 }, now)).toBe(true);
    expect(isDue(frequency, { shownCount: 5, lastShownAt: now - 1, completedAt: now - 1 }, now)).toBe(false);
    expect(isDue(frequency, { shownCount: 2, lastShownAt: now - 1, dismissedAt: now - 1 }, now)).toBe(false);
  });

  test("every N days: counted from the latest showing, completion or dismissal", () => {
    const frequency = { type: "every", days: 7 } as const;
    expect(isDue(frequency, NEVER_SHOWN, now)).toBe(true);
    expect(isDue(frequency, { shownCount: 1, lastShownAt: now - 7 * DAY_MS }, now)).toBe(true);
    expect(isDue(frequency, { shownCount: 1, lastShownAt: now - 7 * DAY_MS + 1 }, now)).toBe(false);
    expect(
      isDue(frequency, { shownCount: 1, lastShownAt: now - 30 * DAY_MS, completedAt: now - DAY_MS }, now),
    ).toBe(false);
  });

  test("an unknown frequency is never due", () => {
    expect(isDue({ type: "hourly" } as never, NEVER_SHOWN, now)).toBe(false);
  });
});

describe("isWithinSchedule", () => {
  test("starts inclusive, ends exclusive, open bounds", () => {
    expect(isWithinSchedule({}, now)).toBe(true);
    expect(isWithinSchedule({ startsAt: now }, now)).toBe(true);
    expect(isWithinSchedule({ startsAt: now + 1 }, now)).toBe(false);
    expect(isWithinSchedule({ endsAt: now }, now)).toBe(false);
    expect(isWithinSchedule({ endsAt: now + 1 }, now)).toBe(true);
    expect(isWithinSchedule({ startsAt: now - 10, endsAt: now + 10 }, now)).toBe(true);
  });
});

describe("isFrequency", () => {
  test("validates untrusted data", () => {
    expect(isFrequency({ type: "once" })).toBe(true);
    expect(isFrequency({ type: "until_completed" })).toBe(true);
    expect(isFrequency({ type: "every", days: 30 })).toBe(true);
    expect(isFrequency({ type: "every", days: 0 })).toBe(false);
    expect(isFrequency({ type: "every", days: 1.5 })).toBe(false);
    expect(isFrequency({ type: "every" })).toBe(false);
    expect(isFrequency({ type: "once", days: 3 })).toBe(false);
    expect(isFrequency(undefined)).toBe(false);
  });
});
