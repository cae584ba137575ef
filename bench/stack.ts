// What every bench part runs against: the bench backend (bench/backend.ts) in a child process
// and a static site serving the build (dist/ or --dist) plus bench/page/.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../test/support/backend-process";
import { serveStatic, type StaticSite } from "../test/support/static-server";
import type { BenchBackendInfo } from "./backend";

export interface BenchStack {
  backend: BenchBackendInfo;
  site: StaticSite;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "..");

/** `conversations`: how many the backend adds to the demo inbox (the inbox bench). */
export async function startBenchStack(distDir: string, agents: number, conversations = 0): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "opencom-bench-"));
  const [apiPort, sitePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench/backend.ts"), dataDir, String(apiPort), String(sitePort), String(agents), String(conversations)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let backend: BenchBackendInfo;
  try {
    backend = await readyLine(child);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const site = await serveStatic([distDir, join(ROOT, "bench/page"), join(distDir, "inbox")], {
    CONVEX_URL: backend.convexUrl,
    WORKSPACE_ID: backend.workspaceId,
  });
  return {
    backend,
    site,
    close: async () => {
      await site.close();
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyLine(child: ChildProcess): Promise<BenchBackendInfo> {
  return new Promise((resolveReady, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the bench backend did not start within 60 s:\n${output}`)), 60_000);
    child.stderr?.on("data", (chunk) => (output += String(chunk)));
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
      const line = output.split("\n").find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(timer);
        resolveReady((JSON.parse(line) as { ready: BenchBackendInfo }).ready);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench backend exited (${code}):\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
