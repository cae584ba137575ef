import type { HttpRouter } from "convex/server";
import { internal } from "./_generated/api";
import { httpAction, type ActionCtx } from "./_generated/server";
import { ATTACHMENT_LIMITS, isImageType } from "../core/messages/attachments";
import { classifyUpload, uploadRefusalMessage } from "./lib/attachmentSniff";
import { FILE_PATH, UPLOAD_PATH } from "./lib/attachmentPaths";
import { randomBytes, sha256Hex, toBase64Url } from "./lib/crypto";
import { isOriginAllowed } from "./lib/origins";
import { errorResponse, jsonResponse } from "./rest/responses";

/*
 * Attachment files over HTTP, on the deployment's site URL:
 * - POST {UPLOAD_PATH}<grant>: the widget's upload (URL from files:generateUploadUrl);
 *   the bytes decide the type, refused files are never stored.
 * - GET {FILE_PATH}<access key>: a file that went out on a message, served with the
 *   type its bytes proved, `nosniff`, and as a download unless it is an image. Storage
 *   URLs are never handed out, so Convex's own file serving (with the uploader's type)
 *   is out of reach.
 */


/** 32 random bytes, base64url: grants and access keys. */
const CAPABILITY = /^[A-Za-z0-9_-]{43}$/;
const MAX_UPLOAD_BYTES = Math.max(...Object.values(ATTACHMENT_LIMITS));

/** The first path segment after `prefix`, when it has the shape of a capability. */
function capabilityIn(request: Request, prefix: string): string | null {
  const segment = new URL(request.url).pathname.slice(prefix.length).split("/")[0] ?? "";
  return CAPABILITY.test(segment) ? segment : null;
}

function corsHeaders(request: Request, allowedOrigins: readonly string[]): Record<string, string> {
  const origin = request.headers.get("Origin");
  if (origin === null || !isOriginAllowed(origin, allowedOrigins)) return { Vary: "Origin" };
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

function tooLarge(headers: Record<string, string>): Response {
  const message = `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`;
  return jsonResponse({ error: { code: "PAYLOAD_TOO_LARGE", message, fields: { file: message } } }, 413, headers);
}

export async function handleUpload(ctx: ActionCtx, request: Request): Promise<Response> {
  const grant = capabilityIn(request, UPLOAD_PATH);
  if (grant === null) return errorResponse("NOT_FOUND", "No such upload URL.");
  const declaredLength = Number(request.headers.get("Content-Length") ?? "0");
  if (declaredLength > MAX_UPLOAD_BYTES) return tooLarge({});
  const holder = await ctx.runMutation(internal.attachments.consumeGrant, { grantHash: await sha256Hex(grant) });
  if (holder === null) return errorResponse("NOT_FOUND", "This upload URL is unknown, used or expired.");
  const cors = corsHeaders(request, holder.allowedOrigins);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) return tooLarge(cors);
  const verdict = classifyUpload(bytes);
  if (!verdict.ok) {
    const message = uploadRefusalMessage(verdict.problem);
    return errorResponse("INVALID_ARGUMENT", message, { fields: { file: message }, headers: cors });
  }
  const storageId = await ctx.storage.store(new Blob([bytes], { type: verdict.contentType }));
  await ctx.runMutation(internal.attachments.recordPending, {
    workspaceId: holder.workspaceId,
    visitorId: holder.visitorId,
    ...(holder.operatorUserId !== undefined ? { operatorUserId: holder.operatorUserId } : {}),
    storageId,
    contentType: verdict.contentType,
    size: bytes.length,
    accessKey: toBase64Url(randomBytes(32)),
  });
  return jsonResponse({ storageId }, 200, cors);
}

/** Preflight for the upload (the widget sends a Content-Type): CORS only for the grant's workspace's origins. */
export async function handleUploadPreflight(ctx: ActionCtx, request: Request): Promise<Response> {
  const grant = capabilityIn(request, UPLOAD_PATH);
  const holder = grant === null ? null : await ctx.runQuery(internal.attachments.peekGrant, { grantHash: await sha256Hex(grant) });
  const cors = corsHeaders(request, holder?.allowedOrigins ?? []);
  const allowed = "Access-Control-Allow-Origin" in cors;
  return new Response(null, {
    status: 204,
    headers: allowed
      ? { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600" }
      : cors,
  });
}

/** `filename*` (RFC 6266/8187): any name, percent-encoded, with no way to break out of the header. */
function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename*=UTF-8''${encoded}`;
}

export async function handleFile(ctx: ActionCtx, request: Request): Promise<Response> {
  const accessKey = capabilityIn(request, FILE_PATH);
  const file = accessKey === null ? null : await ctx.runQuery(internal.attachments.servableFile, { accessKey });
  const blob = file === null ? null : await ctx.storage.get(file.storageId);
  if (file === null || blob === null) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  }
  const image = isImageType(file.contentType);
  return new Response(blob, {
    status: 200,
    headers: {
      "Content-Type": file.contentType === "text/plain" ? "text/plain; charset=utf-8" : file.contentType,
      "Content-Length": String(blob.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": contentDisposition(image ? "inline" : "attachment", file.name),
      // Even if something rendered it as a document, it could run nothing and reach nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "private, max-age=3600",
    },
  });
}

/** Adds the attachment routes to the app's router (http.ts). */
export function routeAttachments(http: HttpRouter): void {
  http.route({ pathPrefix: UPLOAD_PATH, method: "POST", handler: httpAction(handleUpload) });
  http.route({ pathPrefix: UPLOAD_PATH, method: "OPTIONS", handler: httpAction(handleUploadPreflight) });
  http.route({ pathPrefix: FILE_PATH, method: "GET", handler: httpAction(handleFile) });
}
