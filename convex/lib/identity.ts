import { errors, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import { ConvexError } from "convex/values";
import { timingSafeEqualBytes } from "./crypto";
import { appError, type AppErrorData } from "./errors";
import { checkAttributes } from "./inputRules";
import { DEFAULT_JWT_MAX_AGE_SECONDS, type IdentityPolicy } from "./identitySecrets";
import type { UserInput } from "./validators";
import { unverifiedClaims, type IdentityClaims } from "./visitorIdentity";

/**
 * Identity verification: turns what a host page says about its user into
 * IdentityClaims, `verified` only when a signature made with the workspace's
 * secret proves the user id. Two proofs are accepted:
 *
 * - `userHash`: hex HMAC-SHA256(secret, userId), as Intercom does. It proves the
 *   user id only; email, name and attributes stay unsigned.
 * - `userJwt`: a JWT signed HS256 with the same secret, carrying `user_id` and
 *   optionally `email`, `name`, `custom_attributes`; signed claims win over
 *   unsigned fields.
 *
 * Web Crypto and jose only, so this runs in Convex queries and mutations.
 */

/** Allowed clock difference between the host's server and ours, for `exp`/`nbf`. */
export const JWT_CLOCK_TOLERANCE_SECONDS = 60;

const encoder = new TextEncoder();

function refusal(message: string, field: string): ConvexError<AppErrorData> {
  return appError("IDENTITY_VERIFICATION_FAILED", message, field);
}

/** Hex (either case) to bytes; null when it is not an even-length hex string. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** HMAC-SHA256 with the secret's UTF-8 bytes as key (what Node's createHmac does with a string). */
export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

/** Whether `userHash` is the HMAC of `userId` under any of `secrets` (all are tried). */
export async function userHashMatches(userId: string, userHash: string, secrets: readonly string[]): Promise<boolean> {
  const presented = hexToBytes(userHash.trim());
  if (presented === null) return false;
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacSha256(secret, userId);
    // No short-circuit: the previous secret is checked even when the current one matched.
    matched = timingSafeEqualBytes(expected, presented) || matched;
  }
  return matched;
}

const attributeKey = z
  .string()
  .regex(/^[^$_][\x20-\x7e]{0,99}$/, "attribute names are 1-100 printable ASCII characters, not starting with $ or _");

/** The claims we read from a verified JWT; anything else in it is ignored. */
const signedClaimsSchema = z.object({
  user_id: z.string().min(1).max(255),
  email: z.string().max(320).optional(),
  name: z.string().max(255).optional(),
  custom_attributes: z
    .record(attributeKey, z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .optional(),
});

export type SignedClaims = {
  userId: string;
  email?: string;
  name?: string;
  customAttributes?: Record<string, string | number | boolean | null>;
};

function signedClaims(payload: JWTPayload): SignedClaims {
  const parsed = signedClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join(".") : "payload";
    throw refusal(`userJwt claim ${where} is invalid: ${issue?.message ?? "unknown"}.`, "user.userJwt");
  }
  const { user_id, email, name, custom_attributes } = parsed.data;
  const claims: SignedClaims = { userId: user_id };
  if (email !== undefined) claims.email = email;
  if (name !== undefined) claims.name = name;
  if (custom_attributes !== undefined) claims.customAttributes = custom_attributes;
  return claims;
}

/**
 * A token without `exp` would be a proof forever: every token must show its age
 * (`iat`) or its end (`exp`), and live no longer than the workspace's maximum age,
 * counted from `iat`, or from now when only `exp` is given.
 */
function checkJwtAge(payload: JWTPayload, now: number, maxAgeSeconds: number): void {
  const nowSeconds = now / 1000;
  const { iat, exp } = payload;
  if (iat === undefined && exp === undefined) {
    throw refusal("userJwt needs an iat or exp claim.", "user.userJwt");
  }
  if (iat !== undefined && nowSeconds - iat > maxAgeSeconds + JWT_CLOCK_TOLERANCE_SECONDS) {
    throw refusal(`userJwt is older than this workspace allows (${maxAgeSeconds} s).`, "user.userJwt");
  }
  if (iat === undefined && exp !== undefined && exp - nowSeconds > maxAgeSeconds + JWT_CLOCK_TOLERANCE_SECONDS) {
    throw refusal(`userJwt has no iat and expires later than this workspace allows (${maxAgeSeconds} s).`, "user.userJwt");
  }
}

function jwtFailureMessage(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "userJwt has expired.";
  if (error instanceof errors.JOSEAlgNotAllowed) return "userJwt must be signed with HS256.";
  if (error instanceof errors.JWTClaimValidationFailed) return `userJwt claim ${error.claim} is invalid (${error.reason}).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "userJwt signature is invalid.";
  return "userJwt is malformed.";
}

/**
 * Verifies an HS256 JWT against each secret in turn. The algorithm is pinned,
 * so `alg: none` and RS/ES tokens are refused before any key is used.
 */
export async function verifyUserJwt(
  token: string,
  secrets: readonly string[],
  now: number,
  maxAgeSeconds: number = DEFAULT_JWT_MAX_AGE_SECONDS,
): Promise<SignedClaims> {
  if (secrets.length === 0) throw refusal("This workspace has no identity secret yet.", "user.userJwt");
  let lastError: unknown = null;
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, encoder.encode(secret), {
        algorithms: ["HS256"],
        clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now),
        requiredClaims: ["user_id"],
      });
      checkJwtAge(payload, now, maxAgeSeconds);
      return signedClaims(payload);
    } catch (error) {
      lastError = error;
      // Only a signature mismatch means "maybe the other secret": anything else is final.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
    }
  }
  if (lastError instanceof ConvexError) throw lastError; // our own claim refusal
  throw refusal(jwtFailureMessage(lastError), "user.userJwt");
}

function withSigned(unsigned: IdentityClaims, signed: SignedClaims): IdentityClaims {
  const claims: IdentityClaims = { ...unsigned, userId: signed.userId, verified: true };
  if (signed.email !== undefined) claims.email = signed.email;
  if (signed.name !== undefined) claims.name = signed.name;
  if (signed.customAttributes !== undefined) {
    claims.customAttributes = { ...unsigned.customAttributes, ...signed.customAttributes };
    checkAttributes(claims.customAttributes, "user.userJwt"); // at most 50 keys, even signed
  }
  return claims;
}

/**
 * The claims to apply for `user` under the workspace's policy, or
 * IDENTITY_VERIFICATION_FAILED. Every proof presented must verify: a wrong
 * signature is refused in `optional` mode too, never downgraded to unverified.
 * In `off` mode proofs are ignored and nothing is verified.
 */
export async function resolveIdentity(user: UserInput, policy: IdentityPolicy, now: number): Promise<IdentityClaims> {
  const unsigned = unverifiedClaims(user);
  if (policy.mode === "off") return unsigned;
  if (user.userJwt === undefined && user.userHash === undefined) {
    if (policy.mode === "required") {
      // Who the visitor is (id, email, name, company) is only ever taken from a proof here:
      // otherwise an anonymous visitor could show agents someone else's email, or join a customer's company.
      if (unsigned.userId !== undefined) {
        throw refusal("This workspace requires a userHash or userJwt with every userId.", "user.userHash");
      }
      for (const field of ["email", "name", "company"] as const) {
        if (unsigned[field] !== undefined) {
          throw refusal(`This workspace requires a userHash or userJwt with ${field}.`, `user.${field}`);
        }
      }
    }
    return unsigned;
  }
  let claims = unsigned;
  if (user.userJwt !== undefined) {
    const signed = await verifyUserJwt(user.userJwt, policy.secrets, now, policy.jwtMaxAgeSeconds);
    if (user.userId !== undefined && user.userId !== signed.userId) {
      throw refusal("userId differs from the user_id signed in userJwt.", "user.userId");
    }
    claims = withSigned(unsigned, signed);
  }
  if (user.userHash !== undefined) {
    // The hash signs the user id exactly as sent, so that exact id is what gets stored.
    const userId = user.userJwt !== undefined ? claims.userId : user.userId;
    if (userId === undefined) throw refusal("userHash needs a userId.", "user.userId");
    if (!(await userHashMatches(userId, user.userHash, policy.secrets))) {
      throw refusal("userHash does not match userId.", "user.userHash");
    }
    claims = { ...claims, userId, verified: true };
  }
  return claims;
}
