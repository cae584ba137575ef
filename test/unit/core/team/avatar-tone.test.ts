import { describe, expect, it } from "vitest";
import { AVATAR_TONES, avatarTone } from "../../../../core/team/avatar-tone";

describe("avatarTone", () => {
  it("gives a name the same colour every time, whatever its case or spaces, within the palette", () => {
    expect(avatarTone("Ada Lovelace")).toBe(avatarTone(" ada lovelace "));
    const names = ["Ada", "Grace", "Linus", "Margaret", "Zoé", "Yann", "فاطمة", "Ken", "Barbara", "Tim"];
    const tones = names.map(avatarTone);
    expect(tones.every((tone) => Number.isInteger(tone) && tone >= 0 && tone < AVATAR_TONES)).toBe(true);
    expect(new Set(tones).size).toBeGreaterThan(2);
  });
});
