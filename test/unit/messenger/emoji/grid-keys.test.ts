import { describe, expect, it } from "vitest";
import { moveInGrid } from "../../../../src/messenger/emoji/grid-keys";

// Two groups laid out 4 to a row: indexes 0–9 (rows of 4, 4, 2) then 10–14 (rows of 4, 1).
const SIZES = [10, 5];
const move = (index: number, key: string, rtl = false) => moveInGrid(SIZES, index, key, rtl, 4);

describe("moveInGrid", () => {
  it("moves left and right one emoji, mirrored right to left, stopping at the ends", () => {
    expect(move(0, "ArrowRight")).toBe(1);
    expect(move(1, "ArrowLeft")).toBe(0);
    expect(move(0, "ArrowLeft")).toBeNull();
    expect(move(14, "ArrowRight")).toBeNull();
    expect(move(1, "ArrowLeft", true)).toBe(2);
    expect(move(1, "ArrowRight", true)).toBe(0);
  });

  it("moves down a row, into a shorter last row, then into the next group's same column", () => {
    expect(move(1, "ArrowDown")).toBe(5);
    expect(move(7, "ArrowDown")).toBe(9); // row 2 holds only 8 and 9
    expect(move(9, "ArrowDown")).toBe(11); // column 1 of the next group
    expect(move(8, "ArrowDown")).toBe(10);
    expect(move(14, "ArrowDown")).toBeNull();
  });

  it("moves up a row, and from a group's first row into the previous group's last row", () => {
    expect(move(5, "ArrowUp")).toBe(1);
    expect(move(11, "ArrowUp")).toBe(9);
    expect(move(13, "ArrowUp")).toBe(9); // column 3 is past the end of that row: its last emoji
    expect(move(2, "ArrowUp")).toBeNull();
  });

  it("jumps with Home and End and ignores other keys", () => {
    expect(move(7, "Home")).toBe(0);
    expect(move(3, "End")).toBe(14);
    expect(move(3, "a")).toBeNull();
    expect(moveInGrid([], 0, "ArrowDown", false)).toBeNull();
  });
});
