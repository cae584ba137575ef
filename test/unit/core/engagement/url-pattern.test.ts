import { describe, expect, test } from "vitest";
import { matchesUrlPattern } from "../../../../core/engagement/url-pattern";

describe("matchesUrlPattern", () => {
  test("* matches any run of characters, including none and slashes", () => {
    const pattern = "https://app.example.com/settings/*";
    expect(matchesUrlPattern(pattern, "https://app.example.com/settings/")).toBe(true);
    expect(matchesUrlPattern(pattern, "https://app.example.com/settings/billing")).toBe(true);
    expect(matchesUrlPattern(pattern, "https://app.example.com/settings/team/invite?x=1")).toBe(true);
    expect(matchesUrlPattern(pattern, "https://app.example.com/settings")).toBe(false);
    expect(matchesUrlPattern(pattern, "https://app.example.com/dashboard")).toBe(false);
  });

  test("the whole URL must match, not a part of it", () => {
    expect(matchesUrlPattern("https://a.com/x", "https://a.com/x/y")).toBe(false);
    expect(matchesUrlPattern("https://a.com/x", "http://evil.com/?https://a.com/x")).toBe(false);
    expect(matchesUrlPattern("*/pricing", "https://a.com/pricing")).toBe(true);
    expect(matchesUrlPattern("*/pricing", "https://a.com/pricing/more")).toBe(false);
  });

  test("? and regex metacharacters are literal", () => {
    expect(matchesUrlPattern("https://a.com/search?q=*", "https://a.com/search?q=shoes")).toBe(true);
    expect(matchesUrlPattern("https://a.com/search?q=*", "https://a.com/searchXq=shoes")).toBe(false);
    expect(matchesUrlPattern("https://a.com/a.b", "https://a.com/aXb")).toBe(false);
    expect(matchesUrlPattern("https://a.com/(x)+", "https://a.com/(x)+")).toBe(true);
  });

  test("several stars backtrack correctly", () => {
    expect(matchesUrlPattern("*a*b*c", "xxaxxbxxc")).toBe(true);
    expect(matchesUrlPattern("*a*b*c", "xxaxxcxxb")).toBe(false);
    expect(matchesUrlPattern("**", "")).toBe(true);
    expect(matchesUrlPattern("", "")).toBe(true);
    expect(matchesUrlPattern("", "x")).toBe(false);
  });

  test("stays fast on patterns that make naive regexes explode", () => {
    const started = performance.now();
    expect(matchesUrlPattern("*a*a*a*a*a*a*a*a*b", "a".repeat(2000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
