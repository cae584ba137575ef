import { invalidArgument } from "./errors";
import { jwtVerify, SignJWT } from "jose";
import { sha256Hex, toBase64Url, toHex, randomBytes } from "./crypto";
import { SECRETS_KEY_VARIABLE } from "./secretBox";

/*
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for the widget configuration
 * API: client ids and secrets, HTTP Basic client authentication (§2.3.1), and
 * short-lived access tokens as JWTs (HS256, RFC 9068's claims). The signing
 * key is derived from the deployment's secrets key, so nothing else needs
 * configuring; rotating that key ends every token at once, which is fine for
 * tokens that live 15 minutes.
 */

export const OAUTH_SCOPES = ["widget.config:view", "widget.config:edit"] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const CLIENT_ID_PREFIX = "occ_";
export const CLIENT_SECRET_PREFIX = "ocs_";
/** `aud` of every access token: this API, so no other verifier of the deployment accepts one. */
export const ACCESS_TOKEN_AUDIENCE = "opencom-rest-api";

export const isScope = (value: string): value is OAuthScope => (OAUTH_SCOPES as readonly string[]).includes(value);

/** New credentials; call from an action (true randomness). */
export function generateClientCredentials(): { clientId: string; clientSecret: string } {
  return { clientId: CLIENT_ID_PREFIX + toHex(randomBytes(12)), clientSecret: CLIENT_SECRET_PREFIX + toBase64Url(randomBytes(32)) };
}

/**
 * `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749
 * §2.3.1 form-encodes both before joining them), or null when absent or malformed.
 */
export function parseBasicAuth(header: string | null): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (match?.[1] === undefined) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(match[1]), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  try {
    const clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
    const clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " "));
    return clientSecret === "" ? null : { clientId, clientSecret };
  } catch {
    return null;
  }
}

/** The requested scopes (space-delimited, RFC 6749 §3.3); omitted means all the client holds. */
export function grantedScopes(requested: string | null, held: readonly OAuthScope[]): { ok: true; scopes: OAuthScope[] } | { ok: false; unknown: string[] } {
  if (requested === null || requested.trim() === "") return { ok: true, scopes: [...held] };
  const wanted = [...new Set(requested.trim().split(/\s+/))];
  const refused = wanted.filter((scope) => !isScope(scope) || !held.includes(scope));
  return refused.length > 0 ? { ok: false, unknown: refused } : { ok: true, scopes: wanted as OAuthScope[] };
}

async function signingKey(env: Record<string, string | undefined>): Promise<Uint8Array> {
  const material = env[SECRETS_KEY_VARIABLE]?.split(",")[0]?.trim();
  if (material === undefined || material === "") throw new Error(`${SECRETS_KEY_VARIABLE} is not set: OAuth access tokens cannot be signed.`);
  const hex = await sha256Hex(`opencom oauth access tokens\u0000${material}`);
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export type AccessTokenClaims = { clientId: string; workspaceId: string; scopes: OAuthScope[] };

export function accessTokenIssuer(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/api/v1/oauth`;
}

/** Signs a token; `jti` is random, so call from an action. */
export async function signAccessToken(claims: AccessTokenClaims, siteUrl: string, nowMs: number, env = process.env): Promise<string> {
  const issuedAt = Math.floor(nowMs / 1000);
  return await new SignJWT({ client_id: claims.clientId, workspace_id: claims.workspaceId, scope: claims.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(accessTokenIssuer(siteUrl))
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(claims.clientId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(toBase64Url(randomBytes(16)))
    .sign(await signingKey(env));
}

/** The claims of a valid, unexpired token of this deployment (with when it was issued), or null. */
export async function verifyAccessToken(
  token: string,
  siteUrl: string,
  nowMs: number,
  env = process.env,
): Promise<(AccessTokenClaims & { issuedAtSeconds: number }) | null> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(env), {
      algorithms: ["HS256"],
      issuer: accessTokenIssuer(siteUrl),
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: "at+jwt",
      currentDate: new Date(nowMs),
    });
    const { client_id: clientId, workspace_id: workspaceId, scope } = payload as Record<string, unknown>;
    if (typeof clientId !== "string" || typeof workspaceId !== "string" || typeof scope !== "string") return null;
    return { clientId, workspaceId, scopes: scope.split(" ").filter(isScope), issuedAtSeconds: payload.iat ?? 0 };
  } catch {
    return null;
  }
}

/** Looks like a JWT (three base64url parts): the API key scheme never sees one. */
export const looksLikeJwt = (token: string): boolean => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);

export const OAUTH_CLIENT_NAME_MAX = 100;

/** A client's name and scopes as the REST API takes them, or INVALID_ARGUMENT naming the field. */
export function checkOAuthClientInput(input: { name: string; scopes: readonly string[] }): { name: string; scopes: OAuthScope[] } {
  const name = input.name.trim();
  if (name.length === 0 || name.length > OAUTH_CLIENT_NAME_MAX) throw invalidArgument("name", `name must be 1 to ${OAUTH_CLIENT_NAME_MAX} characters.`);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw invalidArgument("scopes", "Pick at least one scope.");
  const unknown = scopes.find((scope) => !isScope(scope));
  if (unknown !== undefined) throw invalidArgument("scopes", `${unknown} is not a scope (${OAUTH_SCOPES.join(", ")}).`);
  return { name, scopes: scopes.filter(isScope) };
}
