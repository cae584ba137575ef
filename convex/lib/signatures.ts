import { constantTimeEqual, toHex } from "./crypto";

/**
 * Signatures of outgoing calls, over the raw body, on Web Crypto (Convex's V8
 * runtime, Node and browsers alike).
 *
 * - `Opencom-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 of
 *   `<t>.<raw body>`, one `v1` per secret that is valid (during a rotation,
 *   old and new), so a receiver holding either secret verifies. The timestamp
 *   inside the signed text lets a receiver refuse replays older than its
 *   tolerance (5 minutes by default).
 * - `X-Opencom-Sign: <hex>`: HMAC-SHA256 of the raw body alone, the chat
 *   gateway's scheme, kept for services written against it.
 */

export const SIGNATURE_HEADER = "Opencom-Signature";
export const GATEWAY_SIGNATURE_HEADER = "X-Opencom-Sign";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message))));
}

/** The `Opencom-Signature` value for `body` sent at `timestampSeconds`, signed with every secret given. */
export async function opencomSignature(secrets: readonly string[], body: string, timestampSeconds: number): Promise<string> {
  if (secrets.length === 0) throw new Error("opencomSignature needs at least one secret");
  const t = Math.floor(timestampSeconds);
  const signatures = await Promise.all(secrets.map((secret) => hmacSha256Hex(secret, `${t}.${body}`)));
  return [`t=${t}`, ...signatures.map((signature) => `v1=${signature}`)].join(",");
}

export type ParsedSignature = { timestamp: number; signatures: string[] };

/** Reads `t=…,v1=…,v1=…`; unknown schemes (a future `v2=`) are ignored, as receivers should. */
export function parseOpencomSignature(header: string): ParsedSignature | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const separator = item.indexOf("=");
    if (separator <= 0) return null;
    const key = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      signatures.push(value);
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export type VerifyResult = { ok: true } | { ok: false; reason: "malformed" | "too_old" | "mismatch" };

/**
 * What a receiver does: parse, check the timestamp is within `toleranceSeconds`
 * of now (either way), then accept when any `v1` matches any of its secrets.
 */
export async function verifyOpencomSignature(options: {
  header: string;
  body: string;
  secrets: readonly string[];
  nowSeconds: number;
  toleranceSeconds?: number;
}): Promise<VerifyResult> {
  const parsed = parseOpencomSignature(options.header);
  if (parsed === null) return { ok: false, reason: "malformed" };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: "too_old" };
  for (const secret of options.secrets) {
    const expected = await hmacSha256Hex(secret, `${parsed.timestamp}.${options.body}`);
    // Every candidate is compared in full; the loop's length depends only on public counts.
    let matched = false;
    for (const signature of parsed.signatures) matched = constantTimeEqual(signature, expected) || matched;
    if (matched) return { ok: true };
  }
  return { ok: false, reason: "mismatch" };
}

/** The gateway's `X-Opencom-Sign`: lowercase hex HMAC-SHA256 of the raw body. */
export async function gatewaySignature(secret: string, body: string): Promise<string> {
  return await hmacSha256Hex(secret, body);
}

export async function verifyGatewaySignature(header: string | null, body: string, secret: string): Promise<boolean> {
  if (header === null) return false;
  return constantTimeEqual(header.trim().toLowerCase(), await gatewaySignature(secret, body));
}
