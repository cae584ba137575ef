import { describe, expect, test } from "vitest";
import { LINK_REL, LINK_TARGET, safeUrl } from "../../../../core/markdown/url";

describe("safeUrl", () => {
  test.each([
    ["https://example.com/a?b=1#c", "https://example.com/a?b=1#c"],
    ["http://example.com", "http://example.com/"],
    ["  https://example.com/x  ", "https://example.com/x"],
    ["HTTPS://EXAMPLE.com/Path", "https://example.com/Path"],
    ["mailto:help@example.com?subject=Hi", "mailto:help@example.com?subject=Hi"],
    ["tel:+1-555-0100", "tel:+1-555-0100"],
  ])("keeps %s", (raw, expected) => {
    expect(safeUrl(raw)).toBe(expected);
  });

  test.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["  javascript:alert(1)"],
    ["\u0001javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["java\rscript:alert(1)"],
    ["java\u0000script:alert(1)"],
    ["java\u200bscript:alert(1)"],
    ["java\u200dscript:alert(1)"],
    ["\u202ejavascript:alert(1)"],
    ["\ufeffjavascript:alert(1)"],
    ["ｊａｖａｓｃｒｉｐｔ:alert(1)"],
    ["&#x6a;avascript:alert(1)"],
    ["&#106;avascript:alert(1)"],
    ["javascript&colon;alert(1)"],
    ["%6Aavascript:alert(1)"],
    ["javascript%3Aalert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["blob:https://example.com/uuid"],
    ["//evil.example"],
    ["/relative/path"],
    ["relative"],
    ["https:evil.example"],
    ["https:\\\\evil.example"],
    ["http://"],
    ["https://exa mple.com"],
    [""],
  ])("refuses %j", (raw) => {
    expect(safeUrl(raw)).toBeNull();
  });

  test("refuses non-strings defensively", () => {
    expect(safeUrl(undefined as unknown as string)).toBeNull();
    expect(safeUrl({ toString: () => "https://x.test" } as unknown as string)).toBeNull();
  });
});

describe("link attributes", () => {
  test("new tab, no opener, no referrer, no endorsement", () => {
    expect(LINK_TARGET).toBe("_blank");
    expect(LINK_REL.split(" ").sort()).toEqual(["nofollow", "noopener", "noreferrer"]);
  });
});
