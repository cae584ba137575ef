import { describe, expect, test } from "vitest";
import { applyClaims, unverifiedClaims } from "../../../convex/lib/visitorIdentity";

describe("unverifiedClaims", () => {
  test("keeps the user's fields trimmed, never verified, and drops the proofs", () => {
    const claims = unverifiedClaims({ userId: " u1 ", email: "a@b.c", userHash: "h", userJwt: "j" });
    expect(claims).toEqual({ userId: "u1", email: "a@b.c", verified: false });
  });
});

describe("applyClaims", () => {
  const anonymous = { identified: false, verified: false };

  test("a user id makes the visitor identified", () => {
    expect(applyClaims(anonymous, { userId: "u1", verified: false })).toEqual({
      userId: "u1",
      identified: true,
      verified: false,
    });
    expect(applyClaims(anonymous, { email: "a@b.c", verified: false })).toMatchObject({ identified: false });
  });

  test("fields left out keep their values; attributes merge", () => {
    const current = { ...anonymous, userId: "u1", name: "Old", identified: true, customAttributes: { a: 1, b: 2 } };
    expect(applyClaims(current, { name: "New", customAttributes: { b: 3 }, verified: false })).toEqual({
      userId: "u1",
      name: "New",
      identified: true,
      verified: false,
      customAttributes: { a: 1, b: 3 },
    });
  });

  test("verification survives only while the same user is claimed", () => {
    const verified = { userId: "u1", identified: true, verified: true };
    expect(applyClaims(verified, { name: "x", verified: false }).verified).toBe(true);
    expect(applyClaims(verified, { userId: "u2", verified: false }).verified).toBe(false);
  });
});
