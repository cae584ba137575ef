// Starts the local backend: the engine, the client API + sync WebSocket on one port and the
// HTTP actions on another, with graceful shutdown.
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { WebSocketServer } from "ws";
import { DeploymentEnv, ensureGeneratedSecrets, type EnvVars } from "../engine/deployment-env";
import { DataDirLock } from "../engine/data-dir-lock";
import { Engine } from "../engine/engine";
import type { WalSync } from "../engine/wal-file";
import { handleClientApi } from "./client-api";
import { Connection } from "./connection";
import { peerOf, requestUrl, sendJson } from "./http-util";
import { QueryRegistry } from "./query-registry";
import { handleSite } from "./site";

export interface BackendOptions {
  functionsDir: string;
  dataDir: string;
  host: string;
  apiPort: number;
  sitePort: number;
  echoFunctionLogs?: boolean;
  log?: (line: string) => void;
  /** Deployment variables for this run only, over those kept in the data dir's env.json. */
  env?: EnvVars;
  /** Names of secrets to make on first start and keep in env.json (e.g. an encryption key). */
  generateSecrets?: string[];
  /** Multiplies Convex's 1 s limit on queries and mutations. */
  functionTimeoutMultiplier?: number;
  /** "commit" (default): a write is acknowledged once on disk; "off": once handed to the OS. */
  walSync?: WalSync;
  /**
   * Work to finish before the ports open (e.g. a first-start seed), so that a client that
   * sees /health answer also sees its results.
   */
  prepare?: (engine: Engine, urls: { apiUrl: string; siteUrl: string }) => Promise<void>;
}

export interface RunningBackend {
  engine: Engine;
  apiUrl: string;
  siteUrl: string;
  close(): Promise<void>;
}

const SYNC_PATH = /^\/api\/[^/]+\/sync$/;

export async function startBackend(options: BackendOptions): Promise<RunningBackend> {
  mkdirSync(options.dataDir, { recursive: true });
  const lock = DataDirLock.acquire(options.dataDir, options.log ?? ((line) => console.log(`[local-backend] ${line}`)));
  try {
    return await startLocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(options: BackendOptions, lock: DataDirLock): Promise<RunningBackend> {
  const apiUrl = `http://${options.host}:${options.apiPort}`;
  const siteUrl = `http://${options.host}:${options.sitePort}`;
  ensureGeneratedSecrets(options.dataDir, options.generateSecrets ?? []);
  // Convex Auth sends operators back to SITE_URL (the inbox) after sign-in flows; a real
  // deployment sets it with `npx convex env set`, here it defaults to the inbox's local origin.
  const inboxUrl = `http://${options.host}:${process.env.OPENCOM_INBOX_PORT || 5174}`;
  const env = new DeploymentEnv(options.dataDir, { cloudUrl: apiUrl, siteUrl }, { SITE_URL: inboxUrl, ...options.env });
  const engine = await Engine.create({
    functionsDir: options.functionsDir,
    dataDir: options.dataDir,
    publicUrl: apiUrl,
    env: () => env.current(),
    ...(options.functionTimeoutMultiplier !== undefined ? { functionTimeoutMultiplier: options.functionTimeoutMultiplier } : {}),
    ...(options.walSync !== undefined ? { walSync: options.walSync } : {}),
    ...(options.echoFunctionLogs !== undefined ? { echoFunctionLogs: options.echoFunctionLogs } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
  });
  await options.prepare?.(engine, { apiUrl, siteUrl });
  const registry = new QueryRegistry(engine);

  const api = createServer(guard((req, res) => handleClientApi(engine, req, res)));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  api.on("upgrade", (req, socket, head) => {
    const url = requestUrl(req);
    if (url === null || !SYNC_PATH.test(url.pathname)) {
      socket.end(url === null ? "HTTP/1.1 400 Bad Request\r\n\r\n" : "HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => new Connection(ws, engine, registry, peerOf(req)));
  });
  const site = createServer(guard((req, res) => handleSite(engine, req, res)));

  await Promise.all([listen(api, options.apiPort, options.host), listen(site, options.sitePort, options.host)]);

  let closing: Promise<void> | undefined;
  return {
    engine,
    apiUrl,
    siteUrl,
    close: () =>
      (closing ??= (async () => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        await Promise.all([stop(api), stop(site)]);
        engine.close();
        lock.release();
      })()),
  };
}

/** No request, however malformed, may take the server down. */
function guard(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res).catch((error: unknown) => {
      console.error("[local-backend] request failed:", error);
      if (!res.headersSent) sendJson(res, 500, { code: "InternalServerError", message: "Internal error" });
      else res.destroy();
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
