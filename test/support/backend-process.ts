// Runs the local backend as a child process on the fixture app, the way `npm run backend`
// does, so tests can kill and restart it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import WebSocket from "ws";

export const FIXTURE_FUNCTIONS = resolve(import.meta.dirname, "../local-backend/fixture/convex");
export const APP_FUNCTIONS = resolve(import.meta.dirname, "../../convex");

/** What `npm run backend` passes when it runs the app: the demo seed and the secrets key, made on first start. */
export const APP_BACKEND_ARGS = ["--seed", "seed:demo", "--seed-output", "demo.json", "--generate-secret", "OPENCOM_SECRETS_KEY"];
/** The development deployment's variables `npm run backend` sets: outgoing calls may reach loopback receivers. */
export const APP_DEV_ENV: Readonly<Record<string, string>> = { OPENCOM_ALLOW_PRIVATE_OUTGOING: "1" };

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

export class BackendProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), "opencom-lb-"));
  apiUrl = "";
  siteUrl = "";
  output = "";
  private child: ChildProcess | undefined;
  private ports: [number, number] | undefined;

  /**
   * `env`: deployment variables the functions see (e.g. test-only overrides), passed as
   * `--env NAME=VALUE`: the backend hands functions none of its own process environment.
   */
  constructor(
    private readonly functionsDir = FIXTURE_FUNCTIONS,
    private readonly extraArgs: string[] = [],
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<number> {
    this.ports ??= [await freePort(), await freePort()];
    const [apiPort, sitePort] = this.ports;
    this.apiUrl = `http://127.0.0.1:${apiPort}`;
    this.siteUrl = `http://127.0.0.1:${sitePort}`;
    const started = Date.now();
    const envFlags = Object.entries(this.env).flatMap(([name, value]) => ["--env", `${name}=${value}`]);
    this.child = spawn(process.execPath, ["--import", "tsx", "local-backend/main.ts", "--functions", this.functionsDir, ...this.extraArgs, ...envFlags], {
      env: { ...process.env, OPENCOM_DATA_DIR: this.dataDir, OPENCOM_BACKEND_PORT: String(apiPort), OPENCOM_SITE_PORT: String(sitePort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // If the test process ends without disposing (a crash, a timeout), the backend goes too.
    const child = this.child;
    const killChild = () => child.kill("SIGKILL");
    process.once("exit", killChild);
    child.once("exit", () => process.off("exit", killChild));
    this.child.stdout?.on("data", (chunk) => (this.output += String(chunk)));
    this.child.stderr?.on("data", (chunk) => (this.output += String(chunk)));
    await this.waitForHealth();
    return Date.now() - started;
  }

  async waitForHealth(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`backend exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.apiUrl}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`backend did not answer /health:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  }
}

export function client(url: string): ConvexClient {
  return new ConvexClient(url, { webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket, unsavedChangesWarning: false });
}

export function httpClient(url: string): ConvexHttpClient {
  return new ConvexHttpClient(url);
}

/** Resolves with the first value of a subscription that satisfies `accept`. */
export function waitForValue<T>(c: ConvexClient, name: string, args: Record<string, unknown>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting on ${name}; last value ${JSON.stringify(last)}`));
    }, timeoutMs);
    let last: unknown;
    const unsubscribe = c.onUpdate(name as never, args as never, (value: T) => {
      last = value;
      if (accept(value)) {
        clearTimeout(timer);
        unsubscribe();
        resolvePromise(value);
      }
    });
  });
}
