// The API port's HTTP surface: Convex's HTTP function API (used by ConvexHttpClient), file
// storage, and /health. The WebSocket sync endpoint shares the port (see server.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonToConvex, type JSONValue } from "convex/values";
import type { Engine, RunOptions, RunResult } from "../engine/engine";
import type { UserIdentity } from "../engine/auth";
import { encodeTs } from "./protocol";
import { OPEN_CORS, peerOf, readBody, requestUrl, sendBodyError, sendJson, sendMalformedRequest } from "./http-util";

/** Convex's status for "the function ran and failed": the client reads the body as a result. */
const STATUS_FUNCTION_FAILED = 560;
const FUNCTION_ROUTES = new Set(["/api/query", "/api/query_at_ts", "/api/mutation", "/api/action", "/api/function"]);

export async function handleClientApi(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req);
  if (url === null) return sendMalformedRequest(res);
  if (req.method === "OPTIONS") {
    res.writeHead(204, OPEN_CORS).end();
    return;
  }
  if (url.pathname === "/health" || url.pathname === "/version") {
    sendJson(res, 200, { status: "ok", ts: engine.ts.toString() }, OPEN_CORS);
    return;
  }
  if (url.pathname === "/api/query_ts" && req.method === "POST") {
    sendJson(res, 200, { ts: encodeTs(engine.ts) }, OPEN_CORS);
    return;
  }
  if (url.pathname === "/api/storage/upload" && req.method === "POST") return upload(engine, req, res, url);
  if (url.pathname.startsWith("/api/storage/") && (req.method === "GET" || req.method === "HEAD")) {
    return serveFile(engine, res, url.pathname.slice("/api/storage/".length), req.method === "HEAD");
  }
  if (FUNCTION_ROUTES.has(url.pathname) && req.method === "POST") return callFunction(engine, req, res, url.pathname);
  if (url.pathname.startsWith("/api/run/") && req.method === "POST") return callFunction(engine, req, res, url.pathname);
  sendJson(res, 404, { code: "NotFound", message: `No route for ${req.method} ${url.pathname}` }, OPEN_CORS);
}

async function callFunction(engine: Engine, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  const namedInUrl = route.startsWith("/api/run/") ? udfPathFromRunRoute(route) : undefined;
  if (namedInUrl === null) {
    sendJson(res, 400, { code: "MissingIdentifier", message: "Path or function name not provided in path, e.g. /api/run/messages/list" }, OPEN_CORS);
    return;
  }
  let body: { path?: unknown; args?: unknown; format?: unknown; componentPath?: unknown };
  try {
    body = JSON.parse((await readBody(req)).toString("utf8")) as typeof body;
  } catch (error) {
    if (error instanceof SyntaxError) sendJson(res, 400, { code: "BadJsonBody", message: error.message }, OPEN_CORS);
    else sendBodyError(res, error, OPEN_CORS);
    return;
  }
  const args = Array.isArray(body.args) ? body.args[0] : body.args;
  if (namedInUrl !== undefined) body.path = namedInUrl;
  if (typeof body?.path !== "string" || body.path === "") {
    sendJson(res, 400, { code: "BadRequest", message: "Missing field `path`: the function name, e.g. \"messages:list\"" }, OPEN_CORS);
    return;
  }
  if (body.format !== undefined && body.format !== "convex_encoded_json" && body.format !== "json") {
    sendJson(res, 400, { code: "BadRequest", message: `Unsupported field \`format\`: ${String(body.format)}` }, OPEN_CORS);
    return;
  }
  let caller: Caller;
  try {
    caller = await callerOf(engine, req.headers.authorization);
  } catch (error) {
    sendJson(res, 401, { code: "Unauthenticated", message: (error as Error).message }, OPEN_CORS);
    return;
  }
  const componentPath = typeof body.componentPath === "string" ? body.componentPath : "";
  if (componentPath !== "" && !caller.admin) {
    sendJson(res, 403, { code: "Forbidden", message: "Only admin auth can call component functions" }, OPEN_CORS);
    return;
  }
  const options: RunOptions = { identity: caller.identity, admin: caller.admin, componentPath, ...peerOf(req) };
  const input = (args ?? {}) as JSONValue;
  let result: RunResult;
  if (route === "/api/mutation") result = await engine.runMutation(body.path, input, options);
  else if (route === "/api/action") result = await engine.runAction(body.path, input, options);
  else if (route === "/api/function" || namedInUrl !== undefined) result = await runAnyKind(engine, body.path, input, options);
  else result = await engine.runQuery(body.path, input, options);
  // `/api/run` answers in clean JSON unless asked otherwise, as Convex does.
  const clean = body.format === "json" || (namedInUrl !== undefined && body.format === undefined);
  if (result.ok) sendJson(res, 200, { status: "success", value: clean ? cleanJson(result.value) : result.value, logLines: result.logLines }, OPEN_CORS);
  else {
    sendJson(
      res,
      STATUS_FUNCTION_FAILED,
      { status: "error", errorMessage: result.errorMessage, ...(result.errorData !== undefined ? { errorData: result.errorData } : {}), logLines: result.logLines },
      OPEN_CORS,
    );
  }
}

/** `/api/function` does not say the kind; try each the way the name allows. */
async function runAnyKind(engine: Engine, path: string, args: JSONValue, options: RunOptions): Promise<RunResult> {
  const query = await engine.runQuery(path, args, options);
  if (query.ok || !/defined as (Mutation|Action)/.test(query.errorMessage)) return query;
  return /defined as Mutation/.test(query.errorMessage) ? engine.runMutation(path, args, options) : engine.runAction(path, args, options);
}

interface Caller {
  identity: UserIdentity | null;
  admin: boolean;
}

/** `Bearer <JWT>` for a user, `Convex <admin key>[:<base64 identity>]` for an admin. */
async function callerOf(engine: Engine, header: string | undefined): Promise<Caller> {
  if (header === undefined || header === "") return { identity: null, admin: false };
  const [scheme, token] = header.split(/\s+/, 2);
  if (scheme === "Convex" && token !== undefined) {
    const checked = engine.adminKey.check(token);
    if (checked === null) throw new Error("The provided admin key was invalid for this instance");
    return { identity: checked.actingAs, admin: true };
  }
  if (scheme !== "Bearer" || token === undefined) throw new Error("Authorization header must be `Bearer <JWT>` or `Convex <admin key>`");
  return { identity: await engine.verifyToken(token), admin: false };
}

/** "/api/run/messages/list" → "messages:list"; null when the path names no function. */
function udfPathFromRunRoute(route: string): string | null {
  let parts: string[];
  try {
    parts = route.slice("/api/run/".length).split("/").map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
  if (parts.length < 2 || parts.some((part) => part === "")) return null;
  const exportName = parts.pop()!;
  return `${parts.join("/")}:${exportName}`;
}

/** Convex's clean JSON export: int64 as decimal strings, bytes as base64, odd floats as names. */
export function cleanJson(value: JSONValue): JSONValue {
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys;
    const inner = value[key!];
    if (key === "$integer" && typeof inner === "string") return jsonToConvex(value)!.toString();
    if (key === "$bytes" && typeof inner === "string") return inner;
    if (key === "$float" && typeof inner === "string") {
      const number = jsonToConvex(value) as number;
      return Number.isNaN(number) ? "NaN" : number === Infinity ? "Infinity" : number === -Infinity ? "-Infinity" : number;
    }
  }
  return Object.fromEntries(keys.map((key) => [key, cleanJson(value[key]!)]));
}

async function upload(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!engine.files.consumeUploadToken(url.searchParams.get("token"))) {
    sendJson(res, 401, { code: "InvalidUploadToken", message: "The upload URL is invalid, expired or already used" }, OPEN_CORS);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req);
  } catch (error) {
    sendBodyError(res, error, OPEN_CORS);
    return;
  }
  const storageId = await engine.storeUpload(new Blob([new Uint8Array(bytes)], { type: req.headers["content-type"] ?? "" }));
  sendJson(res, 200, { storageId }, OPEN_CORS);
}

/** Only by the random key in a URL from `storage.getUrl`: a storage id, however learned, serves nothing. */
async function serveFile(engine: Engine, res: ServerResponse, urlKey: string, headOnly: boolean): Promise<void> {
  const blob = engine.fileAt(urlKey);
  if (blob === null) {
    sendJson(res, 404, { code: "NotFound", message: "File not found" }, OPEN_CORS);
    return;
  }
  const bytes = Buffer.from(await blob.arrayBuffer());
  res.writeHead(200, {
    ...OPEN_CORS,
    "content-type": blob.type || "application/octet-stream",
    "content-length": bytes.length,
    "cache-control": "private, max-age=2592000, immutable",
    "x-content-type-options": "nosniff",
  });
  res.end(headOnly ? undefined : bytes);
}
