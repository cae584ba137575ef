// The deployment variables Convex Auth needs (JWT_PRIVATE_KEY, JWKS, SITE_URL) are set once by
// its setup on a real deployment; here they are made on first start and kept in the data dir,
// so tokens stay valid across restarts. CONVEX_SITE_URL is the deployment's own site URL, which
// Convex sets itself: it follows the current site port and is never stored.
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const AUTH_KEYS_FILE = "auth-keys.json";

interface StoredAuthKeys {
  JWT_PRIVATE_KEY: string;
  JWKS: string;
}

export interface AuthDeploymentVariables extends StoredAuthKeys {
  CONVEX_SITE_URL: string;
  SITE_URL: string;
}

/**
 * Reads the data dir's signing keys, generating and saving them when missing or unreadable,
 * and returns every variable Convex Auth reads. `siteUrl` is the HTTP actions origin;
 * `appUrl` is where sign-in flows return to (the operator inbox).
 */
export function ensureAuthKeys(dataDir: string, siteUrl: string, appUrl: string): AuthDeploymentVariables {
  const file = join(dataDir, AUTH_KEYS_FILE);
  let keys = existsSync(file) ? parseStoredKeys(readFileSync(file, "utf8")) : null;
  if (keys === null) {
    keys = generateAuthKeys();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  }
  return { ...keys, CONVEX_SITE_URL: siteUrl.replace(/\/$/, ""), SITE_URL: appUrl.replace(/\/$/, "") };
}

/** An RS256 pair in the shapes Convex Auth's setup writes: PKCS#8 PEM on one line, a public JWKS. */
export function generateAuthKeys(): StoredAuthKeys {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const jwk = publicKey.export({ format: "jwk" });
  return {
    // Deployment variables are single-line; the PEM parser treats spaces as line breaks.
    JWT_PRIVATE_KEY: pem.trimEnd().replace(/\n/g, " "),
    JWKS: JSON.stringify({ keys: [{ use: "sig", alg: "RS256", ...jwk }] }),
  };
}

function parseStoredKeys(text: string): StoredAuthKeys | null {
  try {
    const value = JSON.parse(text) as Partial<StoredAuthKeys>;
    if (typeof value.JWT_PRIVATE_KEY !== "string" || typeof value.JWKS !== "string") return null;
    return { JWT_PRIVATE_KEY: value.JWT_PRIVATE_KEY, JWKS: value.JWKS };
  } catch {
    return null;
  }
}
