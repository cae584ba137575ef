// `npm run dev`: the local backend, the widget built in watch mode, the demo site with
// the widget embedded by script tag on http://127.0.0.1:5173, and the operator inbox, built in watch mode too, on http://127.0.0.1:5174 (an origin of its own, so
// no demo page can read an operator's tokens).
//
// Environment: OPENCOM_BACKEND_PORT (3210), OPENCOM_SITE_PORT (3211), OPENCOM_DEMO_PORT (5173),
// OPENCOM_INBOX_PORT (5174), OPENCOM_DATA_DIR (.opencom-local/).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "vite";
import { EXAMPLE_SERVICES } from "./dev-services.mjs";

const HOST = "127.0.0.1";
const backendPort = Number(process.env.OPENCOM_BACKEND_PORT || 3210);
const demoPort = Number(process.env.OPENCOM_DEMO_PORT || 5173);
const inboxPort = Number(process.env.OPENCOM_INBOX_PORT || 5174);
const inboxDist = resolve("dist/inbox");
const dataDir = resolve(process.env.OPENCOM_DATA_DIR || ".opencom-local");
const examplesDir = resolve("examples");
const distDir = resolve("dist");

const log = (message) => console.log(`[dev] ${message}`);
const children = new Set();
let watcher = null;
let inboxWatcher = null;
let server = null;
let inboxServer = null;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  server?.close();
  inboxServer?.close();
  await watcher?.close().catch(() => {});
  await inboxWatcher?.close().catch(() => {});
  for (const child of children) if (child.exitCode === null) signalGroup(child, "SIGTERM");
  // Give the backend a moment to flush its data, then leave.
  const deadline = Date.now() + 5000;
  while ([...children].some((child) => child.exitCode === null) && Date.now() < deadline) await sleep(50);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(0));

/**
 * Signals a child's whole process group: `npm run` does not pass signals on to the script
 * it started, so signalling npm alone would leave the backend running.
 */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

// 1. The local backend (its own process group; it writes demo.json on first start).
function startBackend() {
  // Functions see only deployment variables, not this process's environment: the demo seed
  // learns the demo site's port from one, and the bot server's (its demo story greets visitors then).
  // Email goes to the local mailbox (examples/mailbox), which answers the provider's API.
  const botService = EXAMPLE_SERVICES.find((service) => service.portVariable === "OPENCOM_BOT_PORT");
  const botPort = process.env.OPENCOM_BOT_PORT || String(botService?.port ?? 5180);
  const mailbox = `http://${HOST}:${process.env.OPENCOM_MAILBOX_PORT || 5183}`;
  const email = [`OPENCOM_EMAIL_API_URL=${mailbox}`, "OPENCOM_EMAIL_API_KEY=local-mailbox", "OPENCOM_EMAIL_FROM=Demo support <support@demo.localhost>"];
  const args = ["run", "--silent", "backend", "--", "--env", `OPENCOM_DEMO_PORT=${demoPort}`, "--env", `OPENCOM_BOT_PORT=${botPort}`, ...email.flatMap((pair) => ["--env", pair])];
  const child = spawn("npm", args, { stdio: "inherit", env: process.env, detached: true });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[dev] the backend stopped (${signal ?? `exit code ${code}`}); stopping`);
      void shutdown(code || 1);
    }
  });
  return child;
}

async function waitForHealth(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function readDemo() {
  const file = join(dataDir, "demo.json");
  for (let i = 0; i < 50 && !existsSync(file); i++) await sleep(100);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    log(`no readable ${file}: the inbox's demo operators are listed there`);
    return {};
  }
}

// 2 and 3. The widget (rebuilt on every change under src/) and the inbox (under inbox/), each
// a Vite build in watch mode; resolves once the first build is done.
async function watchBuild(name, config) {
  let firstBuild;
  const ready = new Promise((resolve, reject) => (firstBuild = { resolve, reject }));
  const buildWatcher = await build({ logLevel: "warn", ...config });
  buildWatcher.on("event", (event) => {
    if (event.code === "END") {
      firstBuild.resolve();
      log(`${name} built`);
    } else if (event.code === "ERROR") {
      console.error(`[dev] ${name} build failed: ${event.error?.message ?? event.error}`);
      firstBuild.reject(event.error);
    }
    event.result?.close?.();
  });
  await ready;
  return buildWatcher;
}

// 4. The demo site.
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** A file under `root`, or null (also for paths that try to climb out of it). */
function fileUnder(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const candidate = existsSync(path) && statSync(path).isDirectory() ? join(path, "index.html") : path;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

function startSite({ convexUrl, workspaceId }) {
  const convex = new URL(convexUrl);
  const wsOrigin = `${convex.protocol === "https:" ? "wss" : "ws"}://${convex.host}`;
  // The demo runs under a strict CSP, as a careful customer's site would: no inline script
  // or style anywhere, the widget included.
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https: http:",
    `connect-src 'self' ${convex.origin} ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  function renderHtml(file) {
    let html = readFileSync(file, "utf8").replaceAll("http://127.0.0.1:3210", convex.origin);
    html = html.replaceAll('data-opencom-workspace-id="demo"', `data-opencom-workspace-id="${workspaceId}"`);
    return html;
  }

  server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const fromDist = /^\/(?:widget\.js|manifest\.json|runtime\/)/.test(pathname);
    // The demo's routes (/funnels, /settings…) are client-side: a reload gets the app's page.
    const spaRoute = !fromDist && extname(pathname) === "";
    const file = fromDist ? fileUnder(distDir, pathname) : (fileUnder(examplesDir, pathname) ?? (spaRoute ? join(examplesDir, "index.html") : null));
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (type.startsWith("text/html")) {
      res.writeHead(200, { ...headers, "content-security-policy": csp }).end(renderHtml(file));
    } else {
      res.writeHead(200, headers).end(readFileSync(file));
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(demoPort, HOST, resolveListen);
  });
}

// 5. The inbox's own origin: its files, with the deployment URL filled in, under a strict CSP.
function startInbox({ convexUrl, siteUrl }) {
  const convex = new URL(convexUrl);
  // Operators' avatars and attachments are served by the deployment's file URL (the site port).
  const site = new URL(siteUrl);
  const wsOrigin = `${convex.protocol === "https:" ? "wss" : "ws"}://${convex.host}`;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${convex.origin} ${site.origin}`,
    `connect-src 'self' ${convex.origin} ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  inboxServer = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    // Screens live in the hash, so every path that is not a file is the app itself.
    const file = fileUnder(inboxDist, pathname) ?? join(inboxDist, "index.html");
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
    if (type.startsWith("text/html")) {
      const html = readFileSync(file, "utf8")
        .replaceAll("{{CONVEX_URL}}", convex.origin)
        .replaceAll("{{WIDGET_URL}}", `http://${HOST}:${demoPort}/widget.js`);
      res.writeHead(200, { ...headers, "content-security-policy": csp }).end(html);
    } else {
      res.writeHead(200, headers).end(readFileSync(file));
    }
  });
  return new Promise((resolveListen, reject) => {
    inboxServer.once("error", reject);
    inboxServer.listen(inboxPort, HOST, resolveListen);
  });
}

/**
 * Starts each example service as a child process, with the ports in use and the path of
 * demo.json in its environment; one that stops on its own is reported, not fatal.
 */
function startExampleServices() {
  for (const service of EXAMPLE_SERVICES) {
    const env = {
      ...process.env,
      [service.portVariable]: process.env[service.portVariable] || String(service.port),
      OPENCOM_BACKEND_PORT: String(backendPort),
      OPENCOM_SITE_PORT: process.env.OPENCOM_SITE_PORT || "3211",
      OPENCOM_DEMO_PORT: String(demoPort),
      OPENCOM_INBOX_PORT: String(inboxPort),
      OPENCOM_DEMO_JSON: join(dataDir, "demo.json"),
    };
    const child = spawn(process.execPath, [service.script], { stdio: "inherit", env, detached: true });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!stopping) console.error(`[dev] ${service.name} stopped (${signal ?? `exit code ${code}`})`);
    });
  }
}

function printOperators(demo) {
  for (const operator of demo.operators ?? []) log(`  ${operator.role.padEnd(5)}  ${operator.email}  ${operator.password}`);
}

try {
  startBackend();
  await waitForHealth(`http://${HOST}:${backendPort}/health`);
  const demo = await readDemo();
  watcher = await watchBuild("widget", { build: { watch: { include: ["src/**", "package.json"] } } });
  inboxWatcher = await watchBuild("inbox", { configFile: resolve("inbox/vite.config.ts"), build: { watch: {} } });
  // The ports in use now, not the ones demo.json recorded on first start.
  await startSite({
    convexUrl: `http://${HOST}:${backendPort}`,
    workspaceId: demo.workspaceId ?? "demo",
  });
  log(`demo site      http://${HOST}:${demoPort}/`);
  await startInbox({ convexUrl: `http://${HOST}:${backendPort}`, siteUrl: `http://${HOST}:${process.env.OPENCOM_SITE_PORT || "3211"}` });
  log(`inbox          http://${HOST}:${inboxPort}/  (operators from ${join(dataDir, "demo.json")}:)`);
  printOperators(demo);
  startExampleServices();
  log("press Ctrl-C to stop");
} catch (error) {
  console.error(`[dev] ${error.message}`);
  await shutdown(1);
}
