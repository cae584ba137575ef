// Serves the built widget (dist/) and test pages the way a customer's site would: pages are
// templates whose {{CONVEX_URL}}-style placeholders are filled in, each with its own headers
// (e.g. a strict Content-Security-Policy).
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticSite {
  url: string;
  /** Sets headers for one path, e.g. a CSP for a page. */
  setHeaders(path: string, headers: Record<string, string>): void;
  close(): Promise<void>;
}

export async function serveStatic(roots: string[], variables: Record<string, string>): Promise<StaticSite> {
  const headersByPath = new Map<string, Record<string, string>>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const relative = normalize(path.endsWith("/") ? `${path}index.html` : path).replace(/^(\.\.[/\\])+/, "");
    const find = (name: string) => roots.map((root) => join(resolve(root), name)).find((f) => existsSync(f) && statSync(f).isFile());
    // A single-page app's routes (/funnels) have no file of their own: they get the app's page, as its host would serve it.
    const file = find(relative) ?? (extname(relative) === "" ? find("index.html") : undefined);
    if (file === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let body: Buffer | string = readFileSync(file);
    if (extname(file) === ".html") {
      body = body.toString("utf8").replace(/\{\{(\w+)\}\}/g, (match, name: string) => variables[name] ?? match);
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store", ...headersByPath.get(path) });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setHeaders: (path, headers) => headersByPath.set(path, headers),
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
