// The site port: the app's HTTP actions from convex/http.ts, called with the real request URL,
// method, headers and body. Responses stream, so server-sent events work.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../engine/engine";
import { peerOf, readBody, requestUrl, sendBodyError, sendJson, sendMalformedRequest } from "./http-util";

export async function handleSite(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const url = requestUrl(req)?.href;
  if (url === undefined) return sendMalformedRequest(res);
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    try {
      body = await readBody(req);
    } catch (error) {
      sendBodyError(res, error);
      return;
    }
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const request = new Request(url, { method, headers, ...(body !== undefined ? { body: new Uint8Array(body) } : {}) });
  let response: Response | null;
  try {
    response = await engine.runHttpAction(request, peerOf(req));
  } catch (error) {
    console.error(`[local-backend] HTTP action ${method} ${req.url} failed:`, error);
    sendJson(res, 500, { code: "InternalServerError", message: (error as Error).message });
    return;
  }
  if (response === null) {
    if (new URL(url).pathname === "/health") sendJson(res, 200, { status: "ok" });
    else {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end(`No HttpAction routed for ${new URL(url).pathname}`);
    }
    return;
  }
  await writeResponse(res, response);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}
