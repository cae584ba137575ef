// What acknowledging only on-disk writes costs: mutations a second through the local backend
// with its write-ahead log synced before each answer (`--wal-sync commit`, the default) and
// without (`--wal-sync off`). `npx tsx bench/wal-sync.ts [dataDirParent]`; the parent decides
// the disk measured (the default is the OS temp dir). The backend runs as its own process on
// the local-backend test fixture; each run has a fresh data dir. Prints one table.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConvexClient } from "convex/browser";
import WebSocket from "ws";

const FIXTURE = resolve(import.meta.dirname, "../test/local-backend/fixture/convex");
const SEQUENTIAL_MUTATIONS = 400;
const CONCURRENT_CLIENTS = 20;
const MUTATIONS_PER_CLIENT = 40;

const ROUNDS = 3;

const parent = process.argv[2] ?? tmpdir();
const results: Record<string, Array<[number, number]>> = { commit: [], off: [] };
for (let round = 0; round < ROUNDS; round++) for (const policy of ["commit", "off"] as const) results[policy]!.push(await measure(policy));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cell = (values: number[]) => `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
const rows = Object.entries(results).map(([policy, runs]) => `| ${policy} | ${cell(runs.map((r) => r[0]))} | ${cell(runs.map((r) => r[1]))} |`);
console.log(
  [
    `data dir under ${parent}; median of ${ROUNDS} runs (min–max)`,
    `| --wal-sync | 1 client, one after another (mutations/s) | ${CONCURRENT_CLIENTS} clients at once (mutations/s) |`,
    "| --- | --- | --- |",
    ...rows,
  ].join("\n"),
);

/** [sequential, concurrent] mutations a second on a fresh backend with this policy. */
async function measure(policy: "commit" | "off"): Promise<[number, number]> {
  const dataDir = mkdtempSync(join(parent, "opencom-walsync-"));
  const { child, url } = await startBackend(dataDir, policy);
  try {
    const one = newClient(url);
    await add(one, "warm-up");
    let start = performance.now();
    for (let i = 0; i < SEQUENTIAL_MUTATIONS; i++) await add(one, `s${i}`);
    const sequential = SEQUENTIAL_MUTATIONS / ((performance.now() - start) / 1000);
    const clients = Array.from({ length: CONCURRENT_CLIENTS }, () => newClient(url));
    await Promise.all(clients.map((c) => add(c, "warm-up")));
    start = performance.now();
    await Promise.all(clients.map(async (c, ci) => {
      for (let i = 0; i < MUTATIONS_PER_CLIENT; i++) await add(c, `c${ci}-${i}`);
    }));
    const concurrent = (CONCURRENT_CLIENTS * MUTATIONS_PER_CLIENT) / ((performance.now() - start) / 1000);
    await Promise.all([one, ...clients].map((c) => c.close()));
    return [sequential, concurrent];
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function newClient(url: string): ConvexClient {
  return new ConvexClient(url, { webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket, unsavedChangesWarning: false });
}

function add(client: ConvexClient, body: string): Promise<unknown> {
  return client.mutation("notes:add" as never, { body, author: "bench" } as never);
}

async function startBackend(dataDir: string, policy: string): Promise<{ child: ChildProcess; url: string }> {
  const [apiPort, sitePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["--import", "tsx", "local-backend/main.ts", "--functions", FIXTURE, "--wal-sync", policy], {
    cwd: resolve(import.meta.dirname, ".."),
    env: { ...process.env, OPENCOM_DATA_DIR: dataDir, OPENCOM_BACKEND_PORT: String(apiPort), OPENCOM_SITE_PORT: String(sitePort) },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${apiPort}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { child, url };
  }
  child.kill("SIGKILL");
  throw new Error("the backend did not start within 60 s");
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}
