import { describe, expect, it } from "vitest";
import { canVerify, cleanClientIdentifier, CLIENT_IDENTIFIER_MAX } from "../../../convex/lib/installationRules";
import { shouldNoteUse } from "../../../convex/lib/apiKeyRules";

describe("install check rules", () => {
  it("verify once, before expiry", () => {
    expect(canVerify({ expiresAt: 1000 }, 999)).toBe(true);
    expect(canVerify({ expiresAt: 1000 }, 1000)).toBe(false);
    expect(canVerify({ expiresAt: 1000, verifiedAt: 500 }, 600)).toBe(false);
  });

  it("keep a printable, bounded installation label", () => {
    expect(cleanClientIdentifier(" Shop\u0007 front ")).toBe("Shop front");
    expect(cleanClientIdentifier(" \u0000 ")).toBeUndefined();
    expect(cleanClientIdentifier("x".repeat(500))).toHaveLength(CLIENT_IDENTIFIER_MAX);
  });

  it("note an API key's use at most once a minute", () => {
    expect(shouldNoteUse(null, 0)).toBe(true);
    expect(shouldNoteUse(1_000, 60_999)).toBe(false);
    expect(shouldNoteUse(1_000, 61_000)).toBe(true);
  });
});
