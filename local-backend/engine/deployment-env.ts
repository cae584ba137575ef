// The deployment's environment variables, the only ones its functions see (never the host's
// HOME, PATH or OPENCOM_DATA_DIR): CONVEX_CLOUD_URL and CONVEX_SITE_URL, which Convex sets
// itself and which follow the current ports; variables kept in the data dir's env.json (set
// with `local-backend env set NAME VALUE`, like `npx convex env set`); and, for one run,
// `--env NAME=VALUE` and `--env-file FILE`. Secrets an app needs are made on first start and
// kept in env.json, so they survive restarts: Convex Auth's signing keys (JWT_PRIVATE_KEY,
// JWKS) always, and any name passed with `--generate-secret`.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ENV_FILE = "env.json";
/** Convex's rules for names and values of environment variables, and its wording. */
const NAME = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;
const MAX_NAME_LENGTH = 256;
const MAX_VALUE_BYTES = 8 * 1024;
const SET_BY_DEPLOYMENT = new Set(["CONVEX_CLOUD_URL", "CONVEX_SITE_URL"]);

export type EnvVars = Record<string, string>;

export function assertEnvVar(name: string, value: string): void {
  if (!NAME.test(name)) {
    throw new Error(`The environment variable name ${name} is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.`);
  }
  if (name.length >= MAX_NAME_LENGTH) {
    throw new Error(`The environment variable name ${name} is too long. Environment variable names must be less than ${MAX_NAME_LENGTH}.`);
  }
  if (SET_BY_DEPLOYMENT.has(name)) throw new Error(`${name} is set by the deployment itself and cannot be changed`);
  const size = Buffer.byteLength(value);
  if (size > MAX_VALUE_BYTES) throw new Error(`The environment variable value is ${size} bytes, which is too large. (max size: ${MAX_VALUE_BYTES})`);
}

export function readStoredEnv(dataDir: string): EnvVars {
  const file = join(dataDir, ENV_FILE);
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw new Error(`${file} must be a JSON object of string values`);
  }
  return parsed as EnvVars;
}

export function writeStoredEnv(dataDir: string, vars: EnvVars): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, ENV_FILE);
  const sorted = Object.fromEntries(Object.entries(vars).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** `NAME=VALUE` lines; blank lines and `#` comments ignored; one pair of quotes stripped. */
export function parseEnvLines(text: string, source: string): EnvVars {
  const vars: EnvVars = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const separator = line.indexOf("=");
    if (separator <= 0) throw new Error(`${source}:${index + 1}: expected NAME=VALUE`);
    const name = line.slice(0, separator).trim().replace(/^export\s+/, "");
    let value = line.slice(separator + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) value = value.slice(1, -1);
    assertEnvVar(name, value);
    vars[name] = value;
  });
  return vars;
}

/** Makes what is missing from env.json among the secrets the app needs, and saves it. */
export function ensureGeneratedSecrets(dataDir: string, secretNames: string[]): void {
  const stored = readStoredEnv(dataDir);
  let changed = false;
  if (stored.JWT_PRIVATE_KEY === undefined || stored.JWKS === undefined) {
    Object.assign(stored, convexAuthKeys());
    changed = true;
  }
  for (const name of secretNames) {
    if (stored[name] !== undefined) continue;
    assertEnvVar(name, "");
    stored[name] = randomBytes(32).toString("base64url");
    changed = true;
  }
  if (changed) writeStoredEnv(dataDir, stored);
}

/** An RS256 pair in the shapes Convex Auth's setup writes: PKCS#8 PEM on one line, a public JWKS. */
export function convexAuthKeys(): { JWT_PRIVATE_KEY: string; JWKS: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return {
    // Variables are single lines; Convex Auth's PEM reading takes spaces for line breaks.
    JWT_PRIVATE_KEY: pem.trimEnd().replace(/\n/g, " "),
    JWKS: JSON.stringify({ keys: [{ use: "sig", alg: "RS256", ...publicKey.export({ format: "jwk" }) }] }),
  };
}

/**
 * The variables functions see. env.json is read again when it changes, so `env set` reaches
 * a running backend, as `npx convex env set` reaches a deployment.
 */
export class DeploymentEnv {
  private cached: EnvVars | undefined;
  private cachedMtime = -1;

  constructor(
    private readonly dataDir: string,
    private readonly urls: { cloudUrl: string; siteUrl: string },
    private readonly overrides: EnvVars = {},
  ) {}

  current(): EnvVars {
    const file = join(this.dataDir, ENV_FILE);
    const mtime = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (this.cached === undefined || mtime !== this.cachedMtime) {
      this.cachedMtime = mtime;
      this.cached = Object.freeze({
        ...readStoredEnv(this.dataDir),
        ...this.overrides,
        CONVEX_CLOUD_URL: this.urls.cloudUrl,
        CONVEX_SITE_URL: this.urls.siteUrl,
      });
    }
    return this.cached;
  }
}
