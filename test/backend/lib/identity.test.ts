import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";
import { timingSafeEqualBytes } from "../../../convex/lib/crypto";
import {
  hexToBytes,
  resolveIdentity,
  userHashMatches,
  verifyUserJwt,
} from "../../../convex/lib/identity";
import type { IdentityPolicy } from "../../../convex/lib/identitySecrets";
import { rs256Jwt, signUserJwt, tamperedJwt, unsignedJwt, userHashFor } from "../signing";

const SECRET = "a".repeat(64);
const OLD_SECRET = "b".repeat(64);
const NOW = Date.UTC(2030, 0, 1);
const NOW_S = NOW / 1000;

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConvexError);
  return (error as ConvexError<{ code: string; message: string; field?: string }>).data;
}

describe("timingSafeEqualBytes", () => {
  test("equal only for identical bytes of equal length", () => {
    const a = Uint8Array.from([1, 2, 3, 4]);
    expect(timingSafeEqualBytes(a, Uint8Array.from([1, 2, 3, 4]))).toBe(true);
    expect(timingSafeEqualBytes(a, Uint8Array.from([0, 2, 3, 4]))).toBe(false);
    expect(timingSafeEqualBytes(a, Uint8Array.from([1, 2, 3, 5]))).toBe(false);
    expect(timingSafeEqualBytes(a, Uint8Array.from([1, 2, 3]))).toBe(false);
    expect(timingSafeEqualBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  test("reads every byte even when the first one differs (no early exit)", () => {
    const reads = new Set<string>();
    const counted = (bytes: Uint8Array) =>
      new Proxy(bytes, {
        get(target, property) {
          if (typeof property === "string" && /^\d+$/.test(property)) reads.add(property);
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const a = counted(new Uint8Array(32).fill(1));
    const b = new Uint8Array(32).fill(2);
    expect(timingSafeEqualBytes(a, b)).toBe(false);
    expect(reads.size).toBe(32);
  });
});

describe("hexToBytes", () => {
  test("decodes hex of either case; refuses odd lengths and non-hex", () => {
    expect(Array.from(hexToBytes("00ffAb") ?? [])).toEqual([0, 255, 171]);
    expect(hexToBytes("abc")).toBeNull();
    expect(hexToBytes("zz")).toBeNull();
    expect(hexToBytes("0x00")).toBeNull();
  });
});

describe("userHashMatches", () => {
  test("accepts the HMAC Node's createHmac computes, in either case", async () => {
    const hash = userHashFor(SECRET, "user-1");
    expect(await userHashMatches("user-1", hash, [SECRET])).toBe(true);
    expect(await userHashMatches("user-1", hash.toUpperCase(), [SECRET])).toBe(true);
  });

  test("refuses a hash for another user, another secret, or a mangled hash", async () => {
    const hash = userHashFor(SECRET, "user-1");
    expect(await userHashMatches("user-2", hash, [SECRET])).toBe(false);
    expect(await userHashMatches("user-1", userHashFor("other-secret", "user-1"), [SECRET])).toBe(false);
    expect(await userHashMatches("user-1", hash.slice(0, 62), [SECRET])).toBe(false);
    expect(await userHashMatches("user-1", hash.slice(0, 63) + "g", [SECRET])).toBe(false);
    expect(await userHashMatches("user-1", "", [SECRET])).toBe(false);
    expect(await userHashMatches("user-1", hash, [])).toBe(false);
  });

  test("tries every active secret (rotation)", async () => {
    expect(await userHashMatches("user-1", userHashFor(OLD_SECRET, "user-1"), [SECRET, OLD_SECRET])).toBe(true);
  });
});

describe("verifyUserJwt", () => {
  const claims = { user_id: "user-1", email: "ada@example.com", name: "Ada", custom_attributes: { plan: "pro" } };

  test("returns the signed claims of a valid HS256 token", async () => {
    const token = await signUserJwt(SECRET, claims, { now: NOW_S });
    expect(await verifyUserJwt(token, [SECRET], NOW)).toEqual({
      userId: "user-1",
      email: "ada@example.com",
      name: "Ada",
      customAttributes: { plan: "pro" },
    });
  });

  test("refuses a token signed with another secret", async () => {
    const token = await signUserJwt("not-the-secret", claims, { now: NOW_S });
    expect(await refusal(verifyUserJwt(token, [SECRET], NOW))).toMatchObject({
      code: "IDENTITY_VERIFICATION_FAILED",
      message: "userJwt signature is invalid.",
      field: "user.userJwt",
    });
  });

  test("refuses a token whose payload was changed after signing", async () => {
    const token = await signUserJwt(SECRET, claims, { now: NOW_S });
    const forged = tamperedJwt(token, { ...claims, user_id: "admin", exp: NOW_S + 300 });
    expect((await refusal(verifyUserJwt(forged, [SECRET], NOW))).message).toMatch(/signature/);
  });

  test("honours exp with 60 s of clock tolerance", async () => {
    const expired30sAgo = await signUserJwt(SECRET, claims, { now: NOW_S - 330, expiresIn: 300 });
    await expect(verifyUserJwt(expired30sAgo, [SECRET], NOW)).resolves.toMatchObject({ userId: "user-1" });
    const expired61sAgo = await signUserJwt(SECRET, claims, { now: NOW_S - 361, expiresIn: 300 });
    expect((await refusal(verifyUserJwt(expired61sAgo, [SECRET], NOW))).message).toBe("userJwt has expired.");
  });

  test("refuses a token not yet valid beyond the tolerance", async () => {
    const token = await signUserJwt(SECRET, { ...claims, nbf: NOW_S + 120 }, { now: NOW_S });
    expect((await refusal(verifyUserJwt(token, [SECRET], NOW))).message).toMatch(/nbf/);
  });

  test("refuses alg none, RS256 and HS512: the algorithm is pinned to HS256", async () => {
    const none = unsignedJwt({ ...claims, exp: NOW_S + 300 });
    expect((await refusal(verifyUserJwt(none, [SECRET], NOW))).code).toBe("IDENTITY_VERIFICATION_FAILED");
    const rs = await rs256Jwt(claims);
    expect((await refusal(verifyUserJwt(rs, [SECRET], Date.now()))).message).toBe("userJwt must be signed with HS256.");
    const hs512 = await signUserJwt(SECRET, claims, { now: NOW_S, alg: "HS512" });
    expect((await refusal(verifyUserJwt(hs512, [SECRET], NOW))).message).toBe("userJwt must be signed with HS256.");
  });

  test("requires a string user_id and well-typed optional claims", async () => {
    const noUser = await signUserJwt(SECRET, { email: "a@b.c" }, { now: NOW_S });
    expect((await refusal(verifyUserJwt(noUser, [SECRET], NOW))).message).toMatch(/user_id/);
    const numericUser = await signUserJwt(SECRET, { user_id: 42 }, { now: NOW_S });
    expect((await refusal(verifyUserJwt(numericUser, [SECRET], NOW))).message).toMatch(/user_id/);
    const nested = await signUserJwt(SECRET, { user_id: "u", custom_attributes: { a: { b: 1 } } }, { now: NOW_S });
    expect((await refusal(verifyUserJwt(nested, [SECRET], NOW))).message).toMatch(/custom_attributes/);
    const dollarKey = await signUserJwt(SECRET, { user_id: "u", custom_attributes: { $admin: true } }, { now: NOW_S });
    expect((await refusal(verifyUserJwt(dollarKey, [SECRET], NOW))).message).toMatch(/custom_attributes/);
  });

  test("accepts a token signed with the previous secret while it is active; refuses garbage", async () => {
    const token = await signUserJwt(OLD_SECRET, claims, { now: NOW_S });
    await expect(verifyUserJwt(token, [SECRET, OLD_SECRET], NOW)).resolves.toMatchObject({ userId: "user-1" });
    expect((await refusal(verifyUserJwt(token, [SECRET], NOW))).message).toMatch(/signature/);
    expect((await refusal(verifyUserJwt("not.a.jwt", [SECRET], NOW))).message).toBe("userJwt is malformed.");
    expect((await refusal(verifyUserJwt(token, [], NOW))).message).toMatch(/no identity secret/);
  });
});

describe("resolveIdentity", () => {
  const policy = (mode: IdentityPolicy["mode"]): IdentityPolicy => ({ mode, secrets: [SECRET], jwtMaxAgeSeconds: 86_400 });

  test("off: proofs are ignored, nothing is verified", async () => {
    const claims = await resolveIdentity({ userId: "u1", userHash: "bogus" }, policy("off"), NOW);
    expect(claims).toEqual({ userId: "u1", verified: false });
  });

  test("optional: no proof → unverified; a valid hash → verified; an invalid one → refused", async () => {
    expect(await resolveIdentity({ userId: "u1" }, policy("optional"), NOW)).toEqual({ userId: "u1", verified: false });
    const good = await resolveIdentity({ userId: "u1", userHash: userHashFor(SECRET, "u1") }, policy("optional"), NOW);
    expect(good).toEqual({ userId: "u1", verified: true });
    const forged = userHashFor(SECRET, "u2");
    expect(await refusal(resolveIdentity({ userId: "u1", userHash: forged }, policy("optional"), NOW))).toMatchObject({
      code: "IDENTITY_VERIFICATION_FAILED",
      field: "user.userHash",
    });
  });

  test("required: a user id, email or name needs a proof; anonymous visitors pass", async () => {
    expect(await refusal(resolveIdentity({ userId: "u1" }, policy("required"), NOW))).toMatchObject({
      code: "IDENTITY_VERIFICATION_FAILED",
    });
    expect(await refusal(resolveIdentity({ email: "victim@example.com" }, policy("required"), NOW))).toMatchObject({
      code: "IDENTITY_VERIFICATION_FAILED",
      field: "user.email",
    });
    expect(await refusal(resolveIdentity({ name: "Victim" }, policy("required"), NOW))).toMatchObject({ field: "user.name" });
    expect(await resolveIdentity({ customAttributes: { plan: "pro" } }, policy("required"), NOW)).toEqual({
      customAttributes: { plan: "pro" },
      verified: false,
    });
    const userHash = userHashFor(SECRET, "u1");
    expect(await resolveIdentity({ userId: "u1", userHash }, policy("required"), NOW)).toMatchObject({ verified: true });
  });

  test("signed JWT claims win over unsigned fields; attributes merge with the signed ones on top", async () => {
    const userJwt = await signUserJwt(
      SECRET,
      { user_id: "u1", email: "signed@example.com", custom_attributes: { plan: "enterprise" } },
      { now: NOW_S },
    );
    const claims = await resolveIdentity(
      { userJwt, email: "typed@example.com", name: "Typed", customAttributes: { plan: "free", seats: 3 } },
      policy("optional"),
      NOW,
    );
    expect(claims).toEqual({
      userId: "u1",
      email: "signed@example.com",
      name: "Typed",
      customAttributes: { plan: "enterprise", seats: 3 },
      verified: true,
    });
  });

  test("refuses an unsigned userId that contradicts the JWT, and a hash without a user id", async () => {
    const userJwt = await signUserJwt(SECRET, { user_id: "u1" }, { now: NOW_S });
    expect(await refusal(resolveIdentity({ userJwt, userId: "u2" }, policy("optional"), NOW))).toMatchObject({
      field: "user.userId",
    });
    expect(await refusal(resolveIdentity({ userHash: "ab" }, policy("optional"), NOW))).toMatchObject({
      field: "user.userId",
    });
  });

  test("every proof presented must verify: a good JWT does not excuse a bad hash", async () => {
    const userJwt = await signUserJwt(SECRET, { user_id: "u1" }, { now: NOW_S });
    const badHash = userHashFor("wrong", "u1");
    expect(await refusal(resolveIdentity({ userJwt, userHash: badHash }, policy("optional"), NOW))).toMatchObject({
      field: "user.userHash",
    });
    const goodHash = userHashFor(SECRET, "u1");
    expect(await resolveIdentity({ userJwt, userHash: goodHash }, policy("optional"), NOW)).toMatchObject({
      userId: "u1",
      verified: true,
    });
  });
});
