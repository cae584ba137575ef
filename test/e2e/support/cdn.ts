// A directory served as a CDN serves the widget (docs/deploy.md): cache headers per file and
// Access-Control-Allow-Origin, which a page on another origin needs to import the runtime.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, normalize } from "node:path";
import { CACHE } from "../../../scripts/deploy/publish";

export interface CdnServer {
  url: string;
  /** Send Access-Control-Allow-Origin: * (on by default). */
  cors: boolean;
  close(): Promise<void>;
}

export async function serveCdn(root: string): Promise<CdnServer> {
  const cdn: CdnServer = { url: "", cors: true, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^[/\\]+/, "");
    const file = join(root, path);
    if (path.startsWith("..") || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const cacheControl = path === "widget.js" ? CACHE.loader : path === "manifest.json" ? CACHE.manifest : CACHE.immutable;
    res.writeHead(200, {
      "content-type": path.endsWith(".json") ? "application/json" : "text/javascript; charset=utf-8",
      "cache-control": cacheControl,
      ...(cdn.cors ? { "access-control-allow-origin": "*" } : {}),
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  cdn.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  cdn.close = () =>
    new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return cdn;
}
