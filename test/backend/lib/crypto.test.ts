import { describe, expect, test } from "vitest";
import {
  constantTimeEqual,
  generateApiKey,
  generateIdentitySecret,
  generateSessionToken,
  sha256Hex,
  toBase64Url,
} from "../../../convex/lib/crypto";

describe("crypto helpers", () => {
  test("sha256Hex matches the known digest of 'abc'", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("base64url has no padding or URL-unsafe characters", () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe("-__-");
    expect(toBase64Url(new Uint8Array([1]))).toBe("AQ");
  });

  test("generated credentials have the documented shapes and differ every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, generateSessionToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^wst_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).toMatch(/^oc_live_[A-Za-z0-9_-]{32}$/);
    expect(generateIdentitySecret()).toMatch(/^[0-9a-f]{64}$/);
  });

  test("constantTimeEqual", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
  });
});
