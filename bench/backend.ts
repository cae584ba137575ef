// The local backend for the bench, in its own process (so it has its own core, as a real
// deployment would): `node --import tsx bench/backend.ts <dataDir> <apiPort> <sitePort> <agents> [conversations]`.
// It seeds the demo workspace and mints one REST API key per simulated agent: the REST API
// allows 2 requests a second per key (bursts of 120), which a latency bench polling for
// messages would otherwise hit. With `conversations`, it also fills the inbox with that many
// (the inbox bench). Prints one JSON line, {"ready": BenchBackendInfo}, then runs
// until SIGTERM.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { startBackend } from "../local-backend/server/server";

export interface BenchBackendInfo {
  convexUrl: string;
  siteUrl: string;
  workspaceId: string;
  adminApiKey: string;
  agentKeys: string[];
  /** The demo's operators, who sign in to the inbox. */
  operators: Array<{ email: string; password: string; role: string }>;
}

const [dataDir, apiPort, sitePort, agents, conversations = "0"] = process.argv.slice(2);
if (!dataDir || !apiPort || !sitePort || !agents) throw new Error("usage: backend.ts <dataDir> <apiPort> <sitePort> <agents>");

const backend = await startBackend({
  functionsDir: resolve(import.meta.dirname, "../convex"),
  dataDir,
  host: "127.0.0.1",
  apiPort: Number(apiPort),
  sitePort: Number(sitePort),
  echoFunctionLogs: false,
});
const run = (name: string, args: Record<string, string> = {}) => backend.engine.runInternal(name, args) as Promise<Record<string, string> | null>;

const demo = await run("seed:demo");
if (!demo?.adminApiKey || !demo.workspaceId) throw new Error("seed:demo returned no credentials");
const key = await run("apiKeys:findActiveByHash", { keyHash: createHash("sha256").update(demo.adminApiKey).digest("hex") });
if (!key?.workspaceId) throw new Error("the demo admin key was not found");
const agentKeys: string[] = [];
for (let i = 0; i < Number(agents); i++) {
  const created = await run("apiKeys:create", { workspaceId: key.workspaceId, name: `bench agent ${i + 1}` });
  agentKeys.push(String(created?.apiKey));
}

for (let from = 0; from < Number(conversations); from += 200) {
  await run("seed:busyInbox", { from, count: Math.min(200, Number(conversations) - from) } as never);
}

const operators = (demo as unknown as { operators?: BenchBackendInfo["operators"] }).operators ?? [];
const info: BenchBackendInfo = { convexUrl: backend.apiUrl, siteUrl: backend.siteUrl, workspaceId: demo.workspaceId, adminApiKey: demo.adminApiKey, agentKeys, operators };
console.log(JSON.stringify({ ready: info }));

process.on("SIGTERM", () => {
  backend.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
