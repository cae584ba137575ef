import { createHmac } from "node:crypto";
import { SignJWT, generateKeyPair, type JWTPayload } from "jose";

/*
 * What a host site's server does to vouch for its user, done the way
 * docs/security.md tells integrators to: Node's createHmac for userHash, jose
 * for the JWT. Independent of convex/lib/identity.ts on purpose.
 */

export function userHashFor(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId).digest("hex");
}

export type JwtOptions = {
  /** Seconds since the epoch; default: Date.now(). */
  now?: number;
  /** Lifetime in seconds from `now`; negative for an already expired token; null for no exp. */
  expiresIn?: number | null;
  alg?: "HS256" | "HS384" | "HS512";
};

export async function signUserJwt(secret: string, payload: JWTPayload, options: JwtOptions = {}): Promise<string> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" }).setIssuedAt(now);
  const expiresIn = options.expiresIn === undefined ? 300 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  return await jwt.sign(new TextEncoder().encode(secret));
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** `alg: none`: no signature at all, the classic JWT forgery. */
export function unsignedJwt(payload: JWTPayload): string {
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`;
}

/** A token with the payload swapped after signing (signature of the original kept). */
export function tamperedJwt(token: string, payload: JWTPayload): string {
  const [header, , signature] = token.split(".");
  return `${header}.${base64url(payload)}.${signature}`;
}

/** RS256 with a key pair of the attacker's own: must be refused, the algorithm is pinned. */
export async function rs256Jwt(payload: JWTPayload): Promise<string> {
  const { privateKey } = await generateKeyPair("RS256");
  return await new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256" })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
    .sign(privateKey);
}
