import { describe, expect, test } from "vitest";
import { markdownToPlainText } from "../../../../core/markdown/plain-text";

describe("markdownToPlainText", () => {
  test("drops emphasis and code marks, keeps link text, one line", () => {
    expect(markdownToPlainText("**Export** a report with `Export CSV`.\nThen see [the guide](https://example.com).")).toBe(
      "Export a report with Export CSV. Then see the guide.",
    );
  });

  test("joins list items, paragraphs and code blocks with spaces", () => {
    expect(markdownToPlainText("Steps:\n\n1. open *Reports*\n2. click _Export_\n\n```\ncurl -O x\n```")).toBe("Steps: open Reports click Export curl -O x");
  });

  test("leaves text that is not markup alone, HTML-looking text included", () => {
    expect(markdownToPlainText("2 * 3 = 6 and <b>not bold</b> snake_case_name")).toBe("2 * 3 = 6 and <b>not bold</b> snake_case_name");
    expect(markdownToPlainText("   ")).toBe("");
  });
});
