import { describe, expect, test } from "vitest";
import {
  isOriginAllowed,
  isValidOriginPattern,
  LOCAL_DEVELOPMENT_ORIGINS,
  originMatchesPattern,
  parseOriginPattern,
} from "../../../convex/lib/origins";

describe("originMatchesPattern", () => {
  test.each([
    ["https://app.example.com", "https://app.example.com", true],
    ["https://APP.example.com", "https://app.example.com", true],
    ["https://app.example.com:443", "https://app.example.com", true],
    ["https://app.example.com:8443", "https://app.example.com", false],
    ["http://app.example.com", "https://app.example.com", false],
    ["https://app.example.com", "https://app.example.com/", true],
    ["https://a.example.com", "https://*.example.com", true],
    ["https://a.b.example.com", "https://*.example.com", true],
    ["https://example.com", "https://*.example.com", false],
    ["https://badexample.com", "https://*.example.com", false],
    ["https://example.com.evil.net", "https://*.example.com", false],
    ["https://a.example.com:8443", "https://*.example.com:8443", true],
    ["http://localhost:5173", "http://localhost:*", true],
    ["http://localhost", "http://localhost:*", true],
    ["http://localhost.evil.net:5173", "http://localhost:*", false],
    ["http://127.0.0.1:3000", "http://127.0.0.1:*", true],
    ["null", "https://app.example.com", false],
    ["null", "*", true],
    ["not a url", "https://app.example.com", false],
    ["ftp://app.example.com", "https://app.example.com", false],
    // Edge cases of the identity/security issue.
    ["https://evil-example.com", "https://*.example.com", false],
    ["https://evil.example.com.attacker.io", "https://*.example.com", false],
    ["https://A.B.EXAMPLE.COM", "https://*.example.com", true],
    ["https://a.example.com", "HTTPS://*.EXAMPLE.COM", true],
    ["https://a.example.com:8443", "https://*.example.com", false],
    ["https://a.example.com:8443", "https://*.example.com:*", true],
    ["https://a.example.com", "https://*.example.com:*", true],
    ["https://app.example.com:444", "https://app.example.com:443", false],
    ["https://user@app.example.com", "https://app.example.com", false],
    ["https://app.example.com/path", "https://app.example.com", false],
    ["https://app.example.com?x", "https://app.example.com", false],
    ["https://app.example.com.", "https://app.example.com", false],
    ["https://app.example.com", "https://*.app.example.com", false],
  ])("%s against %s → %s", (origin, pattern, expected) => {
    expect(originMatchesPattern(origin, pattern)).toBe(expected);
  });
});

describe("parseOriginPattern", () => {
  test("rejects malformed patterns rather than matching loosely", () => {
    expect(parseOriginPattern("example.com")).toBeNull();
    expect(parseOriginPattern("https://*example.com")).toBeNull();
    expect(parseOriginPattern("https://app.*.com")).toBeNull();
    expect(parseOriginPattern("https://example.com/path")).toBeNull();
    expect(parseOriginPattern("https://*.*.example.com")).toBeNull();
    expect(parseOriginPattern("javascript://example.com")).toBeNull();
    expect(parseOriginPattern("https://example.com:99999x")).toBeNull();
  });

  test("isValidOriginPattern accepts the documented forms only", () => {
    for (const ok of ["*", "https://app.example.com", "https://*.example.com", "http://localhost:*", "https://[::1]:8443"]) {
      expect(isValidOriginPattern(ok), ok).toBe(true);
    }
    for (const bad of ["", "example.com", "https://", "https://example.com/x", "*.example.com", "https://ex ample.com"]) {
      expect(isValidOriginPattern(bad), bad).toBe(false);
    }
  });
});

describe("isOriginAllowed", () => {
  test("an empty list admits nothing; any matching pattern admits", () => {
    expect(isOriginAllowed("https://a.example.com", [])).toBe(false);
    expect(isOriginAllowed("https://a.example.com", ["https://other.org", "https://*.example.com"])).toBe(true);
  });

  test("the local development list covers localhost and 127.0.0.1 on any port only", () => {
    expect(isOriginAllowed("http://localhost:5173", LOCAL_DEVELOPMENT_ORIGINS)).toBe(true);
    expect(isOriginAllowed("https://127.0.0.1:8443", LOCAL_DEVELOPMENT_ORIGINS)).toBe(true);
    expect(isOriginAllowed("http://192.168.1.2:5173", LOCAL_DEVELOPMENT_ORIGINS)).toBe(false);
  });
});
