// `npm run backend`: the local Convex-compatible backend for development, demos and tests.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readConfig } from "./config";
import { ADMIN_KEY_FILE } from "./engine/admin-key";
import { runEnvCommand } from "./env-command";
import { startBackend } from "./server/server";

if (process.argv[2] === "env") process.exit(runEnvCommand(process.argv.slice(3), process.env));

const config = readConfig(process.argv.slice(2), process.env);
const backend = await startBackend({
  walSync: config.walSync,
  functionsDir: config.functionsDir,
  dataDir: config.dataDir,
  host: config.host,
  apiPort: config.apiPort,
  sitePort: config.sitePort,
  echoFunctionLogs: config.echoFunctionLogs,
  env: config.env,
  generateSecrets: config.generateSecrets,
  functionTimeoutMultiplier: config.functionTimeoutMultiplier,
  prepare: async (engine, urls) => {
    for (const failure of engine.moduleFailures) {
      console.error(`[local-backend] module ${failure.file} failed to load: ${failure.error}`);
    }
    const seed = config.seed;
    if (seed === null || !engine.firstStart) return;
    const result = await engine.runInternal(seed.functionName);
    if (result !== null && typeof result === "object" && !Array.isArray(result)) {
      const output = join(config.dataDir, seed.outputFile);
      writeFileSync(output, `${JSON.stringify({ ...result, convexUrl: urls.apiUrl, siteUrl: urls.siteUrl }, null, 2)}\n`, { mode: 0o600 });
      console.log(`[local-backend] seeded by ${seed.functionName}: ${relative(process.cwd(), output)}`);
    }
  },
}).catch((error: unknown) => {
  // A refusal to start (data dir locked, damaged log) is a message for a person, not a stack.
  const known = error instanceof Error && ["DataDirLockedError", "CorruptLogError"].includes(error.name);
  console.error(`[local-backend] cannot start: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

console.log(
  [
    `[local-backend] ready ${Math.round(performance.now())} ms after process start`,
    `  client API + sync  ${backend.apiUrl}`,
    `  HTTP actions       ${backend.siteUrl}`,
    `  functions          ${relative(process.cwd(), config.functionsDir) || "."}`,
    `  data               ${relative(process.cwd(), config.dataDir) || config.dataDir}`,
    `  admin key          ${backend.engine.adminKey.value}  (also in ${join(relative(process.cwd(), config.dataDir) || config.dataDir, ADMIN_KEY_FILE)})`,
  ].join("\n"),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[local-backend] ${signal}: shutting down`);
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[local-backend] shutdown failed:", error);
        process.exit(1);
      },
    );
  });
}
