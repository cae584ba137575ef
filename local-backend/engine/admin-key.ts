// The deployment's admin key, as `npx convex dashboard` or a deploy key gives on Convex: whoever
// holds it may run internal and component functions and act as any user (`npx convex run`,
// `ConvexHttpClient.setAdminAuth`, `ConvexClient.setAdminAuth`). Made on first start, kept in
// the data dir (owner-only), printed at start; compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UserIdentity } from "./auth";

export const ADMIN_KEY_FILE = "admin-key";
const KEY_SHAPE = /^local-backend\|[0-9a-f]{64}$/;

export function ensureAdminKey(dataDir: string): string {
  const file = join(dataDir, ADMIN_KEY_FILE);
  const stored = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (KEY_SHAPE.test(stored)) return stored;
  const key = `local-backend|${randomBytes(32).toString("hex")}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export class AdminKey {
  private readonly digest: Buffer;
  constructor(readonly value: string) {
    this.digest = sha256(value);
  }

  /**
   * Checks an admin credential as clients send it: the key, optionally followed by `:` and the
   * base64 JSON of the user to act as. Returns null when the key is wrong.
   */
  check(credential: string): { actingAs: UserIdentity | null } | null {
    const separator = credential.indexOf(":");
    const key = separator < 0 ? credential : credential.slice(0, separator);
    if (!timingSafeEqual(sha256(key), this.digest)) return null;
    if (separator < 0) return { actingAs: null };
    try {
      const json = new TextDecoder().decode(Uint8Array.from(atob(credential.slice(separator + 1)), (c) => c.charCodeAt(0)));
      return { actingAs: identityFromAttributes(JSON.parse(json) as unknown) };
    } catch {
      return null;
    }
  }
}

/** The identity an admin acts as (`npx convex run --identity`, `setAdminAuth(key, actingAs)`). */
export function identityFromAttributes(attributes: unknown): UserIdentity | null {
  if (attributes === null || attributes === undefined) return null;
  if (typeof attributes !== "object" || Array.isArray(attributes)) throw new Error("The identity to act as must be an object");
  const fields = attributes as Record<string, unknown>;
  const subject = typeof fields.subject === "string" ? fields.subject : "";
  const issuer = typeof fields.issuer === "string" ? fields.issuer : "";
  const tokenIdentifier = typeof fields.tokenIdentifier === "string" ? fields.tokenIdentifier : `${issuer}|${subject}`;
  return { ...fields, subject, issuer, tokenIdentifier };
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
