import { sha256Hex, toBase64Url } from "./crypto";

/**
 * Secrets the deployment must read back (webhook signing secrets, bot tokens
 * and passwords, gateway secrets) are stored sealed with AES-256-GCM under a
 * deployment key, `OPENCOM_SECRETS_KEY`: 32 bytes as base64, base64url or
 * hex. A comma-separated list rotates keys: the first seals, every one opens
 * (each box names its key by a short fingerprint).
 *
 * Sealed text: `sb1.<key id>.<iv>.<ciphertext+tag>` (base64url parts). The
 * `purpose` is bound in as associated data, so a box made for one field cannot
 * be moved into another and opened there.
 *
 * Sealing draws a random IV, so it must run in an action: Convex seeds
 * `crypto.getRandomValues` in queries and mutations, and a repeated IV under
 * one key breaks GCM. Opening is deterministic and runs anywhere.
 */

export const SECRETS_KEY_VARIABLE = "OPENCOM_SECRETS_KEY";
const FORMAT = "sb1";

export type SecretsKey = { id: string; key: CryptoKey };

function decodeKeyMaterial(text: string): Uint8Array<ArrayBuffer> {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) {
    return Uint8Array.from(trimmed.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }
  try {
    return fromBase64Url(trimmed);
  } catch {
    return new Uint8Array();
  }
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Reads the deployment's keys; throws a message that says how to set one when missing or malformed. */
export async function secretsKeysFrom(value: string | undefined): Promise<SecretsKey[]> {
  if (value === undefined || value.trim() === "") {
    throw new Error(
      `${SECRETS_KEY_VARIABLE} is not set: set it on the deployment to 32 random bytes in base64 ` +
        `(e.g. \`openssl rand -base64 32\`); the local backend makes one on first start.`,
    );
  }
  return await Promise.all(
    value.split(",").map(async (part, index) => {
      const bytes = decodeKeyMaterial(part);
      if (bytes.length !== 32) {
        throw new Error(`${SECRETS_KEY_VARIABLE} entry ${index + 1} must be 32 bytes (base64, base64url or 64 hex digits).`);
      }
      const id = (await sha256Hex(toBase64Url(bytes))).slice(0, 8);
      const key = await crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
      return { id, key };
    }),
  );
}

export async function deploymentSecretsKeys(env: Record<string, string | undefined> = process.env): Promise<SecretsKey[]> {
  return await secretsKeysFrom(env[SECRETS_KEY_VARIABLE]);
}

export async function sealSecret(plaintext: string, purpose: string, keys?: SecretsKey[]): Promise<string> {
  const [current] = keys ?? (await deploymentSecretsKeys());
  if (current === undefined) throw new Error(`${SECRETS_KEY_VARIABLE} holds no key`);
  const iv = new Uint8Array(12);
  crypto.getRandomValues(iv);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(purpose) },
    current.key,
    new TextEncoder().encode(plaintext),
  );
  return [FORMAT, current.id, toBase64Url(iv), toBase64Url(new Uint8Array(sealed))].join(".");
}

/** The plaintext; throws when the box is malformed, its key is gone, it was altered or made for another purpose. */
export async function openSecret(sealed: string, purpose: string, keys?: SecretsKey[]): Promise<string> {
  const [format, keyId, iv, data] = sealed.split(".");
  if (format !== FORMAT || keyId === undefined || iv === undefined || data === undefined) {
    throw new Error("Not a sealed secret.");
  }
  const key = (keys ?? (await deploymentSecretsKeys())).find((candidate) => candidate.id === keyId);
  if (key === undefined) throw new Error(`The key that sealed this secret (${keyId}) is not in ${SECRETS_KEY_VARIABLE}.`);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: new TextEncoder().encode(purpose) },
      key.key,
      fromBase64Url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new Error("A sealed secret failed to open: altered, or sealed for another purpose.");
  }
}
