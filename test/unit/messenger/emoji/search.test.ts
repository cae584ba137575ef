import { describe, expect, it } from "vitest";
import { EMOJI_GROUPS } from "../../../../src/messenger/emoji/data/groups";
import { foldForSearch } from "../../../../src/messenger/emoji/fold";
import { loadSearchWords, searchEmoji } from "../../../../src/messenger/emoji/search";

describe("emoji search", () => {
  it("folds case and accents", () => {
    expect(foldForSearch("Café CRÈME")).toBe("cafe creme");
  });

  it("finds emoji whose words start with every term, in the picker's order", async () => {
    const words = await loadSearchWords("en");
    const hearts = searchEmoji(words, "red heart");
    expect(hearts[0]).toBe("❤️");
    expect(searchEmoji(words, "GRINNING")).toContain("😀");
    // "rin" starts no word of "grinning face".
    expect(searchEmoji(words, "rin")).not.toContain("😀");
    expect(searchEmoji(words, "   ")).toEqual([]);
    expect(searchEmoji(words, "zzqqxx")).toEqual([]);
    expect(searchEmoji(words, "face", 5)).toHaveLength(5);
  });

  it("searches in the visitor's language, accents optional; Arabic uses the English words", async () => {
    expect(searchEmoji(await loadSearchWords("fr"), "cœur rouge")).toContain("❤️");
    expect(searchEmoji(await loadSearchWords("de"), "Hund")).toContain("🐶");
    expect(searchEmoji(await loadSearchWords("es"), "corazon")).toContain("❤️");
    expect(await loadSearchWords("ar")).toBe(await loadSearchWords("en"));
  });

  it("searches exactly the emoji the grid shows", async () => {
    const shown = new Set(EMOJI_GROUPS.flatMap(([, emoji]) => emoji.split(" ")));
    const searchable = (await loadSearchWords("fr")).split("\n").map((line) => line.split("\t")[0]);
    expect(shown.size).toBeGreaterThan(1500);
    expect(searchable.every((emoji) => shown.has(emoji!))).toBe(true);
  });
});
