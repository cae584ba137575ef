/**
 * Hashing and randomness on Web Crypto only, so the same code runs on Convex's
 * V8 runtime, in Node and in convex-test.
 *
 * Randomness is only real in actions: Convex seeds `crypto.getRandomValues` in
 * queries and mutations, so the generators below must be called from actions.
 */

export const SESSION_TOKEN_PREFIX = "wst_";
export const API_KEY_PREFIX = "oc_live_";

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Compares two byte strings in time independent of their contents: every byte
 * is visited, no early exit. Lengths are public (an HMAC-SHA256 is 32 bytes).
 */
export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** Compares two strings in time independent of where they differ (their UTF-8 bytes). */
export function constantTimeEqual(a: string, b: string): boolean {
  // The length of a SHA-256 hex digest is public, so an early exit on length leaks nothing.
  return timingSafeEqualBytes(new TextEncoder().encode(a), new TextEncoder().encode(b));
}

/** `wst_` + 32 random bytes: a bearer credential for one widget session. */
export function generateSessionToken(): string {
  return SESSION_TOKEN_PREFIX + toBase64Url(randomBytes(32));
}

/** `oc_live_` + 24 random bytes: an admin API key. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + toBase64Url(randomBytes(24));
}

/** 32 random bytes as hex: the per-workspace identity-verification (HMAC) secret. */
export function generateIdentitySecret(): string {
  return toHex(randomBytes(32));
}

/** Enough of a key to recognise it in a list without making it usable. */
export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 4);
}
