import type { JSONWebKeySet } from "jose";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import type { AppProtocol } from "../../core/apps/protocol";
import { VOCABULARIES } from "../../core/apps/protocol";

/** A JWK Set as `/api/v1/apps/jwks.json` serves it. (Our own type: the kit's declarations need no jose.) */
export type AppKeySet = { keys: JsonWebKey[] };

/** The claims of an app token, as the inbox signs them. */
export type AppTokenClaims = {
  sub: string;
  aud: string | string[];
  iss: string;
  exp: number;
  iat: number;
  jti: string;
  email?: string;
  app_name?: string;
  workspace_id?: string;
  /** The vendor dialect's names (`bm-widget` protocol). */
  "custom-widget-name"?: string;
  businessId?: string;
  [claim: string]: unknown;
};

/** The token in the page's URL (`opencomToken`, or `bmtoken` for the vendor dialect), or null. */
export function readAppToken(search: string = location.search, protocol: AppProtocol = "opencom"): string | null {
  return new URLSearchParams(search).get(VOCABULARIES[protocol].tokenParam);
}

/** The claims without checking the signature: for display only, never for decisions. */
export function decodeAppToken(token: string): AppTokenClaims {
  return decodeJwt(token) as unknown as AppTokenClaims;
}

export type VerifyOptions = {
  /** `{siteUrl}/api/v1/apps/jwks.json` (fetched, cached, refetched for an unknown `kid`), or the key set itself. */
  jwks: string | URL | AppKeySet;
  /** `{siteUrl}/apps`. */
  issuer: string;
  /** Your app's id: a token made for another app is refused. */
  audience: string;
  /** Seconds of clock skew to accept. @default 30 */
  clockTolerance?: number;
};

const remoteSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySet(jwks: VerifyOptions["jwks"]) {
  if (typeof jwks === "object" && !(jwks instanceof URL)) return createLocalJWKSet(jwks as JSONWebKeySet);
  const href = String(jwks);
  // One cache per key-set URL, so every verification shares the fetched keys.
  let set = remoteSets.get(href);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(href));
    remoteSets.set(href, set);
  }
  return set;
}

/**
 * Verifies a token's RS256 signature against the inbox's published keys, its
 * issuer, audience and expiry. Rejects (with jose's error) otherwise: `alg: none`
 * and other algorithms included.
 */
export async function verifyAppToken(token: string, options: VerifyOptions): Promise<AppTokenClaims> {
  const { payload } = await jwtVerify(token, keySet(options.jwks), {
    algorithms: ["RS256"],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockTolerance ?? 30,
    requiredClaims: ["sub", "exp", "iat", "jti"],
  });
  return payload as unknown as AppTokenClaims;
}
