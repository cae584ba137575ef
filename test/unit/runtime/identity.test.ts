import { describe, expect, it } from "vitest";
import { isDifferentUser, jwtExpiresAt, userForReboot } from "../../../src/runtime/identity";

const base64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = (claims: Record<string, unknown>) => `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(claims)}.c2lnbmF0dXJl`;

describe("isDifferentUser", () => {
  it("is true only when two user ids differ", () => {
    expect(isDifferentUser({ userId: "a" }, { userId: "b" })).toBe(true);
    expect(isDifferentUser({ userId: "a" }, { userId: "a", email: "new@example.com" })).toBe(false);
    // A login (anonymous → user) and an attribute update (no user id) are not switches.
    expect(isDifferentUser(undefined, { userId: "b" })).toBe(false);
    expect(isDifferentUser({ email: "x@example.com" }, { userId: "b" })).toBe(false);
    expect(isDifferentUser({ userId: "a" }, { name: "Ada" })).toBe(false);
  });
});

describe("jwtExpiresAt", () => {
  it("reads exp (seconds) as milliseconds, unpadded base64url included", () => {
    expect(jwtExpiresAt(jwt({ user_id: "u1", exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    // "??>" encodes to base64 with + and /, which base64url spells - and _.
    expect(jwtExpiresAt(jwt({ user_id: "??>??>", exp: 42 }))).toBe(42_000);
  });

  it("is null without exp or for something that is not a JWT", () => {
    expect(jwtExpiresAt(jwt({ user_id: "u1" }))).toBeNull();
    expect(jwtExpiresAt(jwt({ exp: "soon" }))).toBeNull();
    expect(jwtExpiresAt("not-a-jwt")).toBeNull();
    expect(jwtExpiresAt("a.%%%.c")).toBeNull();
  });
});

describe("userForReboot", () => {
  const now = 1_700_000_000_000;
  it("keeps hashes and live JWTs, drops an expired JWT so the re-boot resumes the visitor by sessionId", () => {
    const hashed = { userId: "u1", userHash: "ab".repeat(32) };
    expect(userForReboot(hashed, now)).toBe(hashed);
    const live = { userJwt: jwt({ user_id: "u1", exp: now / 1000 + 60 }) };
    expect(userForReboot(live, now)).toBe(live);
    expect(userForReboot({ userJwt: jwt({ user_id: "u1", exp: now / 1000 - 1 }) }, now)).toBeUndefined();
    expect(userForReboot(undefined, now)).toBeUndefined();
  });
});
