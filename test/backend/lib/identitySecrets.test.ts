import { describe, expect, test } from "vitest";
import {
  activeIdentitySecrets,
  identityMode,
  identityPolicy,
  previousSecretExpiry,
  rotatedSecretFields,
} from "../../../convex/lib/identitySecrets";

const HOUR = 3_600_000;
const NOW = Date.UTC(2030, 0, 1);

describe("identityMode", () => {
  test("defaults to optional for rows written before the setting existed", () => {
    expect(identityMode({})).toBe("optional");
    expect(identityMode({ identityVerification: { mode: "required" } })).toBe("required");
  });
});

describe("rotation", () => {
  const workspace = { identitySecret: "old" };

  test("the rotated-away secret stays active for the grace period, then drops out", () => {
    const rotated = rotatedSecretFields(workspace, "new", 24, NOW);
    expect(rotated).toEqual({ identitySecret: "new", previousSecret: "old", previousSecretExpiresAt: NOW + 24 * HOUR });
    expect(activeIdentitySecrets(rotated, NOW + 24 * HOUR - 1)).toEqual(["new", "old"]);
    expect(previousSecretExpiry(rotated, NOW + 24 * HOUR - 1)).toBe(NOW + 24 * HOUR);
    expect(activeIdentitySecrets(rotated, NOW + 24 * HOUR)).toEqual(["new"]);
    expect(previousSecretExpiry(rotated, NOW + 24 * HOUR)).toBeNull();
  });

  test("a zero grace period revokes the old secret at once", () => {
    const rotated = rotatedSecretFields(workspace, "new", 0, NOW);
    expect(rotated).toEqual({ identitySecret: "new", previousSecret: undefined, previousSecretExpiresAt: undefined });
    expect(identityPolicy(rotated, NOW)).toEqual({ mode: "optional", secrets: ["new"], jwtMaxAgeSeconds: 86_400 });
  });

  test("a workspace without a secret gets its first one and no previous", () => {
    expect(rotatedSecretFields({}, "first", 24, NOW).previousSecret).toBeUndefined();
  });

  test("rotating twice in a grace period keeps only the latest previous secret", () => {
    const once = rotatedSecretFields(workspace, "second", 24, NOW);
    const twice = rotatedSecretFields(once, "third", 1, NOW + HOUR);
    expect(activeIdentitySecrets(twice, NOW + HOUR + 1)).toEqual(["third", "second"]);
  });
});
