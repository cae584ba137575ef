import { describe, expect, it } from "vitest";
import { frozenDate, seededRandom } from "../../../local-backend/engine/runtime";

describe("deterministic runtime pieces", () => {
  it("replays the same sequence from the same seed", () => {
    const seed = new Uint8Array(16).map((_, i) => i * 7 + 1);
    const [a, b] = [seededRandom(seed), seededRandom(seed)];
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });

  it("stands a Date's clock still without breaking dates built from values", () => {
    const FrozenDate = frozenDate(1_000_000);
    expect(FrozenDate.now()).toBe(1_000_000);
    expect(new FrozenDate().getTime()).toBe(1_000_000);
    expect(new FrozenDate(5).getTime()).toBe(5);
    expect(new FrozenDate() instanceof Date).toBe(true);
    expect(FrozenDate.UTC(2020, 0, 1)).toBe(Date.UTC(2020, 0, 1));
  });
});
