// @vitest-environment node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMOJI_DATA_DIR, emojiDataFiles } from "../../../scripts/emoji-data";

describe("scripts/emoji-data.ts", () => {
  it("the picker's checked-in data is what the script makes from the pinned emojibase-data (run `npx tsx scripts/emoji-data.ts`)", () => {
    const files = emojiDataFiles();
    expect(Object.keys(files).sort()).toEqual(["groups.ts", "search-de.ts", "search-en.ts", "search-es.ts", "search-fr.ts"]);
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(join(EMOJI_DATA_DIR, name), "utf8") === content, `${name} is stale`).toBe(true);
    }
  });

  it("leaves out components and emoji newer than Unicode 14", () => {
    const groups = emojiDataFiles()["groups.ts"]!;
    expect(groups).toContain("😀");
    expect(groups).not.toContain("🏻"); // a skin-tone component
    expect(groups).not.toContain("🫨"); // shaking face, Emoji 15.0
  });
});
