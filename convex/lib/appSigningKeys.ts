import type { JWK } from "jose";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";

/**
 * The keys that sign custom apps' tokens, from the deployment's environment:
 *
 *   OPENCOM_APPS_SIGNING_KEYS = [<private RSA JWK>, …]   (JSON)
 *
 * The first key signs; every key is published at /api/v1/apps/jwks.json. To rotate,
 * put a new key first and keep the old one after it until the tokens it signed have
 * expired (APP_TOKEN_TTL_SECONDS), then drop it. Each key's `kid` is its RFC 7638
 * thumbprint unless the JWK names one. Generate a key with the internal action
 * `apps:generateSigningKey` (`npx convex run apps:generateSigningKey`): keys need
 * true randomness, which Convex gives actions only.
 */

export const SIGNING_KEYS_VARIABLE = "OPENCOM_APPS_SIGNING_KEYS";
const PRIVATE_FIELDS = ["d", "p", "q", "dp", "dq", "qi"] as const;

export type SigningKey = { kid: string; privateJwk: JWK; publicJwk: JWK };

export class SigningKeysMissingError extends Error {
  override readonly name = "SigningKeysMissingError";
}

function isRsaPrivateJwk(value: unknown): value is JWK {
  if (typeof value !== "object" || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk["kty"] === "RSA" && ["n", "e", ...PRIVATE_FIELDS].every((field) => typeof jwk[field] === "string");
}

/** Reads the variable; throws naming it (and the bad entry) when it is missing or malformed. */
export async function readSigningKeys(value: string | undefined): Promise<SigningKey[]> {
  if (value === undefined || value.trim() === "") {
    throw new SigningKeysMissingError(`${SIGNING_KEYS_VARIABLE} is not set: custom apps cannot get tokens (see docs/apps.md).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new SigningKeysMissingError(`${SIGNING_KEYS_VARIABLE} is not JSON; it must be an array of private RSA JWKs.`);
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) throw new SigningKeysMissingError(`${SIGNING_KEYS_VARIABLE} is an empty list.`);
  const keys: SigningKey[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isRsaPrivateJwk(entry)) throw new SigningKeysMissingError(`${SIGNING_KEYS_VARIABLE}[${index}] is not a private RSA JWK.`);
    const kid = typeof entry.kid === "string" && entry.kid !== "" ? entry.kid : await calculateJwkThumbprint(entry);
    keys.push({ kid, privateJwk: { ...entry, kid, alg: "RS256" }, publicJwk: { kty: "RSA", n: entry.n!, e: entry.e!, kid, alg: "RS256", use: "sig" } });
  }
  return keys;
}

/** The public half of every key, as a JWK Set. */
export function publicKeySet(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}

/** A new 2048-bit RS256 key as a private JWK with its thumbprint as `kid`. Call from an action. */
export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: "RS256" };
}
