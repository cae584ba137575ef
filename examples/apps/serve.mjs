// Serves the custom-app examples on an origin of their own (default port 5181), apart from
// the inbox (5174) and the demo site (5173). Each app has its own host name under
// .localhost (which always resolves to loopback), so each is its own origin:
//   http://sla.localhost:5181/sla-guardian/     SLA guardian (Tickets)
//   http://drafter.localhost:5181/reply-drafter/ reply drafter (Chats)
//   http://seed.localhost:5181/seed-widget/     an app in the vendor "custom widgets" dialect
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

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await startAppsServer();
  console.log(`[apps] custom-app examples on http://sla.localhost:${port}/sla-guardian/, http://drafter.localhost:${port}/reply-drafter/, http://seed.localhost:${port}/seed-widget/`);
}
