// Where the local backend listens and keeps its data: environment first, then flags, then the
// defaults the README lists (3210, 3211, .opencom-local/).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { assertEnvVar, parseEnvLines, type EnvVars } from "./engine/deployment-env";
import { parseArgs } from "node:util";
import type { WalSync } from "./engine/wal-file";

export interface LocalBackendConfig {
  functionsDir: string;
  dataDir: string;
  host: string;
  apiPort: number;
  sitePort: number;
  /** A function to run once on an empty data dir, and the file (in the data dir) for its result. */
  seed: { functionName: string; outputFile: string } | null;
  echoFunctionLogs: boolean;
  /** Deployment variables for this run (`--env NAME=VALUE`, `--env-file FILE`). */
  env: EnvVars;
  generateSecrets: string[];
  /** Multiplies Convex's 1 s limit on queries and mutations (slow or shared machines). */
  functionTimeoutMultiplier: number;
  /** When a write is acknowledged: once on disk ("commit") or once handed to the OS ("off"). */
  walSync: WalSync;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): LocalBackendConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      functions: { type: "string", default: "convex" },
      seed: { type: "string" },
      "seed-output": { type: "string", default: "seed.json" },
      "echo-logs": { type: "boolean", default: false },
      env: { type: "string", multiple: true, default: [] },
      "env-file": { type: "string" },
      "generate-secret": { type: "string", multiple: true, default: [] },
      "function-timeout-multiplier": { type: "string" },
      "wal-sync": { type: "string" },
    },
    strict: true,
  });
  const deploymentEnv: EnvVars = values["env-file"] ? parseEnvLines(readFileSync(values["env-file"], "utf8"), values["env-file"]) : {};
  for (const pair of values.env) {
    const separator = pair.indexOf("=");
    if (separator <= 0) throw new Error(`--env expects NAME=VALUE, got "${pair}"`);
    const [name, value] = [pair.slice(0, separator), pair.slice(separator + 1)];
    assertEnvVar(name, value);
    deploymentEnv[name] = value;
  }
  return {
    functionsDir: resolve(values.functions),
    dataDir: resolve(env.OPENCOM_DATA_DIR || ".opencom-local"),
    host: "127.0.0.1",
    apiPort: port(env.OPENCOM_BACKEND_PORT, 3210, "OPENCOM_BACKEND_PORT"),
    sitePort: port(env.OPENCOM_SITE_PORT, 3211, "OPENCOM_SITE_PORT"),
    seed: values.seed ? { functionName: values.seed, outputFile: values["seed-output"] } : null,
    echoFunctionLogs: values["echo-logs"],
    env: deploymentEnv,
    generateSecrets: values["generate-secret"],
    functionTimeoutMultiplier: multiplier(values["function-timeout-multiplier"] ?? env.OPENCOM_FUNCTION_TIMEOUT_MULTIPLIER),
    walSync: walSync(values["wal-sync"] ?? env.OPENCOM_WAL_SYNC),
  };
}

function walSync(raw: string | undefined): WalSync {
  if (raw === undefined || raw === "" || raw === "commit") return "commit";
  if (raw === "off") return "off";
  throw new Error(`the WAL sync policy must be "commit" or "off", got "${raw}"`);
}

function multiplier(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1) throw new Error(`the function timeout multiplier must be a number of at least 1, got "${raw}"`);
  return value;
}

function port(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  return value;
}
