import { describe, expect, test } from "vitest";
import { checkClientId, messagePreview, normalizeEventName, normalizeMessageBody } from "../../../convex/lib/inputRules";

function codeAndField(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return (error as { data?: unknown }).data;
  }
  return "did not throw";
}

describe("input rules", () => {
  test("message bodies are trimmed and must be 1..5000 characters", () => {
    expect(normalizeMessageBody("  hi \n")).toBe("hi");
    expect(codeAndField(() => normalizeMessageBody(" "))).toMatchObject({ code: "INVALID_ARGUMENT", field: "body" });
    expect(codeAndField(() => normalizeMessageBody("x".repeat(5001), "text"))).toMatchObject({ field: "text" });
    expect(normalizeMessageBody("x".repeat(5000))).toHaveLength(5000);
  });

  test("event names are trimmed and must be 1..100 characters", () => {
    expect(normalizeEventName(" $pageview ")).toBe("$pageview");
    expect(codeAndField(() => normalizeEventName(""))).toMatchObject({ field: "name" });
  });

  test("client ids are printable ASCII without spaces", () => {
    expect(checkClientId("m-1_abc", "clientMessageId")).toBe("m-1_abc");
    expect(codeAndField(() => checkClientId("has space", "clientMessageId"))).toMatchObject({ field: "clientMessageId" });
    expect(codeAndField(() => checkClientId("", "sessionId"))).toMatchObject({ field: "sessionId" });
  });

  test("previews collapse whitespace", () => {
    expect(messagePreview("  a\n\tb  ")).toBe("a b");
  });

  test("previews are the plain text a reader sees: no markdown marks, links as their text", () => {
    expect(messagePreview("**Export** any report with `Export CSV`, see [the guide](https://example.com/g).")).toBe(
      "Export any report with Export CSV, see the guide.",
    );
    expect(messagePreview("Steps:\n- open *Reports*\n- click **Export**\n```\ncurl x\n```")).toBe("Steps: open Reports click Export curl x");
  });

  test("long previews are cut at a word, never inside markup", () => {
    const preview = messagePreview(`${"word ".repeat(40)}**bold end**`);
    expect(preview.length).toBeLessThanOrEqual(140);
    expect(preview).toMatch(/^(word )+word…$/);
    expect(messagePreview(`**${"Export ".repeat(30).trim()}**`)).not.toContain("*");
  });
});
