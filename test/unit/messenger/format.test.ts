import { describe, expect, it } from "vitest";
import { formatAge, formatDay, initials, safeImageUrl } from "../../../src/messenger/format";

const labels = { today: "Today", yesterday: "Yesterday" };
const now = new Date(2025, 5, 15, 12, 0).getTime();

describe("formatDay", () => {
  it("says Today and Yesterday, then a date", () => {
    expect(formatDay(new Date(2025, 5, 15, 0, 5).getTime(), now, labels, "en-US")).toBe("Today");
    expect(formatDay(new Date(2025, 5, 14, 23, 59).getTime(), now, labels, "en-US")).toBe("Yesterday");
    expect(formatDay(new Date(2025, 2, 3).getTime(), now, labels, "en-US")).toBe("Mar 3");
    expect(formatDay(new Date(2024, 2, 3).getTime(), now, labels, "en-US")).toBe("Mar 3, 2024");
  });
});

describe("formatAge", () => {
  it("is compact", () => {
    expect(formatAge(now - 10_000, now, "now")).toBe("now");
    expect(formatAge(now - 5 * 60_000, now, "now")).toBe("5m");
    expect(formatAge(now - 3 * 3_600_000, now, "now")).toBe("3h");
    expect(formatAge(now - 2 * 86_400_000, now, "now")).toBe("2d");
    expect(formatAge(new Date(2025, 0, 2).getTime(), now, "now", "en-US")).toBe("Jan 2");
  });
});

describe("safeImageUrl", () => {
  it("accepts only http(s)", () => {
    expect(safeImageUrl("https://cdn.example.com/a.png")).toBe("https://cdn.example.com/a.png");
    expect(safeImageUrl("http://example.com/a.png")).toBe("http://example.com/a.png");
    expect(safeImageUrl("javascript:alert(1)")).toBeNull();
    expect(safeImageUrl("data:image/svg+xml,<svg/>")).toBeNull();
    expect(safeImageUrl("not a url")).toBeNull();
    expect(safeImageUrl(undefined)).toBeNull();
  });
});

describe("initials", () => {
  it("takes up to two letters", () => {
    expect(initials("Ada Lovelace King")).toBe("AL");
    expect(initials("acme")).toBe("A");
    expect(initials("  ")).toBe("?");
  });
});
