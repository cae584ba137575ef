import { describe, expect, it } from "vitest";
import { barPercents, linePath, linePoints, niceMax, percentOf, shareText } from "../../../../inbox/src/engagement/results/scale";

describe("results chart scaling", () => {
  it("rounds axis tops up to 1, 2 or 5 times a power of ten, never below 1", () => {
    expect([0, 1, 3, 7, 10, 11, 20, 21, 99, 101, 4_999, 50_001].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 20, 50, 100, 200, 5_000, 100_000]);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it("gives bars lengths against a shared top, clamped to 0–100", () => {
    expect(barPercents([0, 5, 10])).toEqual([0, 50, 100]);
    expect(barPercents([3, 7])).toEqual([30, 70]);
    expect(barPercents([])).toEqual([]);
    expect(barPercents([15], 10)).toEqual([100]);
    expect(barPercents([-2], 10)).toEqual([0]);
  });

  it("reads shares as whole percentages, 0 of nothing", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(5, 0)).toBe(0);
    expect(shareText(3, 10)).toBe("3 of 10 (30%)");
    expect(shareText(3, 0)).toBe("3");
  });

  it("places a line's points bottom-up in the box and breaks it at gaps", () => {
    const points = linePoints([5, null, 0, 2.5], 300, 100, 5);
    expect(points).toEqual([{ x: 0, y: 0 }, null, { x: 200, y: 100 }, { x: 300, y: 50 }]);
    expect(linePath(points)).toBe("M0 0M200 100L300 50");
    expect(linePoints([4], 300, 100, 5)).toEqual([{ x: 150, y: 20 }]);
    expect(linePath([null, null])).toBe("");
  });
});
