import { describe, expect, it } from "vitest";
import { mayContainMarkdown } from "../../../src/messenger/message-text";

describe("mayContainMarkdown", () => {
  it("lets plain chat lines render as text without the markdown chunk", () => {
    for (const body of ["Hello!", "Can I export my dashboard as a PDF?", "Thanks, that worked.\nSee you", "Price is 5 - 3 = 2"]) {
      expect(mayContainMarkdown(body), body).toBe(false);
    }
  });

  it("sends anything markdown could change through the renderer", () => {
    for (const body of ["**bold**", "use `npm ci`", "[docs](https://x.dev)", "see https://x.dev", "www.example.com", "- item", "1. first", "<script>alert(1)</script>", "mail mailto:a@b.c", "snake_case"]) {
      expect(mayContainMarkdown(body), body).toBe(true);
    }
  });
});
