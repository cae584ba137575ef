// Serves the custom-app examples on an origin of their own (default port 5181), apart from
// the inbox (5174) and the demo site (5173). Each app has its own host name under
// .localhost (which always resolves to loopback), so each is its own origin:
//   http://sla.localhost:5181/sla-guardian/     SLA guardian (Tickets)
//   http://drafter.localhost:5181/reply-drafter/ reply drafter (Chats)
//   http://seed.localhost:5181/seed-widget/     an app in the vendor "custom widgets" dialect
//   http://notes.localhost:5181/account-notes/  account notes per company (Contacts)
// `node examples/apps/serve.mjs`; OPENCOM_APPS_PORT and OPENCOM_INBOX_PORT override the ports.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname);
const port = Number(process.env.OPENCOM_APPS_PORT || 5181);
const inboxPort = Number(process.env.OPENCOM_INBOX_PORT || 5174);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml" };
// Only the inbox may frame these pages; scripts and styles from the app's own origin only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' http://127.0.0.1:* http://localhost:*",
  `frame-ancestors http://127.0.0.1:${inboxPort} http://localhost:${inboxPort}`,
].join("; ");

export function startAppsServer(listenPort = port) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://x");
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, "");
    let file = join(root, relative.endsWith(sep) || relative === "" ? join(relative, "index.html") : relative);
    if (!file.startsWith(root + sep) || file.endsWith(".mjs")) {
      response.writeHead(404).end("Not found");
      return;
    }
    if (!extname(file)) file = join(file, "index.html");
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Content-Security-Policy": CSP, "Cache-Control": "no-store" });
      response.end(body);
    } catch {
      response.writeHead(404).end("Not found");
    }
  });
  return new Promise((resolvePromise) => server.listen(listenPort, "127.0.0.1", () => resolvePromise(server)));
}

/** The examples as the demo workspace registers them (`npm run dev`), on this server's port. */
export function demoApps(listenPort = port) {
  const on = (host, path) => ({ url: `http://${host}.localhost:${listenPort}${path}`, allowedOrigins: [`http://${host}.localhost:${listenPort}`] });
  return [
    { name: "SLA guardian", ...on("sla", "/sla-guardian/"), screens: ["TICKETS"] },
    { name: "Reply drafter", ...on("drafter", "/reply-drafter/"), screens: ["CHATS"] },
    { name: "Ticket SLA card", ...on("seed", "/seed-widget/"), screens: ["TICKETS"], protocol: "bm-widget" },
    { name: "Account notes", ...on("notes", "/account-notes/"), screens: ["CONTACTS"] },
  ];
}

/**
 * Registers the examples in the demo workspace through the REST API, once: an app of the
 * same name is left as it is (an admin may have changed or disabled it).
 */
async function registerDemoApps(demoJsonPath) {
  const demo = JSON.parse(await readFile(demoJsonPath, "utf8"));
  const api = `${demo.siteUrl}/api/v1/apps`;
  const headers = { Authorization: `Bearer ${demo.adminApiKey}`, "Content-Type": "application/json" };
  const listed = await fetch(`${api}?limit=100`, { headers });
  if (!listed.ok) throw new Error(`GET /api/v1/apps answered ${listed.status}`);
  const body = await listed.json();
  const existing = new Set((body.data ?? body).map((app) => app.name));
  for (const app of demoApps()) {
    if (existing.has(app.name)) continue;
    const created = await fetch(api, { method: "POST", headers, body: JSON.stringify(app) });
    if (!created.ok) throw new Error(`POST /api/v1/apps for ${app.name} answered ${created.status}: ${await created.text()}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await startAppsServer();
  console.log(`[apps] custom-app examples on ${demoApps().map((app) => app.url).join(", ")}`);
  if (process.env.OPENCOM_DEMO_JSON) {
    registerDemoApps(process.env.OPENCOM_DEMO_JSON).then(
      () => console.log("[apps] registered in the demo workspace (Settings > Apps)"),
      (error) => console.error(`[apps] could not register the examples: ${error.message}`),
    );
  }
}
