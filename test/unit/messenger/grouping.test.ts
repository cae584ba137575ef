import { describe, expect, it } from "vitest";
import { GROUP_GAP_MS, groupMessages } from "../../../src/messenger/grouping";
import type { DisplayMessage } from "../../../src/messenger/merge";

const base = new Date(2025, 2, 3, 10, 0).getTime();
const msg = (key: string, at: number, senderType: DisplayMessage["senderType"] = "agent", senderName?: string): DisplayMessage => ({
  key,
  senderType,
  body: key,
  createdAt: at,
  delivery: "delivered",
  ...(senderName ? { senderName } : {}),
});

describe("groupMessages", () => {
  it("groups consecutive messages of one sender", () => {
    const groups = groupMessages([
      msg("a", base, "agent", "Ana"),
      msg("b", base + 1000, "agent", "Ana"),
      msg("c", base + 2000, "visitor"),
      msg("d", base + 3000, "agent", "Ana"),
    ]);
    expect(groups.map((g) => g.messages.map((m) => m.key))).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(groups[0]?.senderName).toBe("Ana");
  });

  it("splits when another agent speaks", () => {
    const groups = groupMessages([msg("a", base, "agent", "Ana"), msg("b", base + 1, "agent", "Bo")]);
    expect(groups).toHaveLength(2);
  });

  it("splits after a long pause", () => {
    const groups = groupMessages([msg("a", base), msg("b", base + GROUP_GAP_MS + 1)]);
    expect(groups).toHaveLength(2);
  });

  it("marks the first group of each day", () => {
    const nextDay = base + 24 * 60 * 60_000;
    const groups = groupMessages([msg("a", base), msg("b", base + 1000), msg("c", nextDay)]);
    expect(groups.map((g) => g.startsDay)).toEqual([true, true]);
    expect(groups[1]?.messages[0]?.key).toBe("c");
  });
});
