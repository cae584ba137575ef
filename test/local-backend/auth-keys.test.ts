import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, importPKCS8, jwtVerify, SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { AUTH_KEYS_FILE, ensureAuthKeys } from "../../local-backend/auth-keys";

const SITE = "http://127.0.0.1:3211";
const APP = "http://127.0.0.1:5174";

describe("Convex Auth deployment variables", () => {
  test("generates a signing pair on first start, keeps it private in the data dir, and reuses it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "auth-keys-"));
    const first = ensureAuthKeys(dir, `${SITE}/`, APP);
    expect(first.CONVEX_SITE_URL).toBe(SITE);
    expect(first.SITE_URL).toBe(APP);
    expect(statSync(join(dir, AUTH_KEYS_FILE)).mode & 0o777).toBe(0o600);
    expect(first.JWT_PRIVATE_KEY).not.toContain("\n");
    expect(ensureAuthKeys(dir, "http://127.0.0.1:4000", APP)).toMatchObject({
      JWT_PRIVATE_KEY: first.JWT_PRIVATE_KEY,
      JWKS: first.JWKS,
      CONVEX_SITE_URL: "http://127.0.0.1:4000",
    });

    // What Convex Auth signs with, the published JWKS verifies.
    const token = await new SignJWT({}).setProtectedHeader({ alg: "RS256" }).setIssuer(SITE).setAudience("convex").setExpirationTime("1m")
      .sign(await importPKCS8(first.JWT_PRIVATE_KEY, "RS256"));
    const [jwk] = (JSON.parse(first.JWKS) as { keys: Array<Record<string, unknown>> }).keys;
    expect(jwk).toMatchObject({ use: "sig", alg: "RS256", kty: "RSA" });
    expect(jwk).not.toHaveProperty("d");
    await expect(jwtVerify(token, await importJWK(jwk!, "RS256"), { issuer: SITE, audience: "convex" })).resolves.toBeTruthy();
  });

  test("replaces an unreadable file with a fresh pair", () => {
    const dir = mkdtempSync(join(tmpdir(), "auth-keys-"));
    writeFileSync(join(dir, AUTH_KEYS_FILE), "{not json");
    const keys = ensureAuthKeys(dir, SITE, APP);
    expect(JSON.parse(readFileSync(join(dir, AUTH_KEYS_FILE), "utf8"))).toEqual({ JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY, JWKS: keys.JWKS });
  });
});
