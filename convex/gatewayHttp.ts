import type { HttpRouter } from "convex/server";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { httpAction, type ActionCtx } from "./_generated/server";
import { ATTACHMENT_LIMITS, cleanFileName } from "../core/messages/attachments";
import { classifyUpload, uploadRefusalMessage } from "./lib/attachmentSniff";
import { randomBytes, toBase64Url } from "./lib/crypto";
import { INBOUND_BODY_MAX_BYTES, messageDateRefusal, parseInbound, type InboundMessage } from "./lib/gatewayProtocol";
import { GATEWAY_PATH } from "./lib/gatewayRules";
import { openSecret } from "./lib/secretBox";
import { GATEWAY_SIGNATURE_HEADER, verifyGatewaySignature } from "./lib/signatures";
import { SIGNING_SECRET_PURPOSE } from "./outgoing/prepare";
import type { InboundResult } from "./gatewayInbound";

/*
 * POST {siteUrl}/gateway/{token}: a gateway service's calls. The order is the
 * point: find the gateway by its URI, read the raw body (bounded), check its
 * `X-Opencom-Sign` in constant time, and only then parse, validate and store.
 * Answers follow the service protocol: `{success: true}`, or
 * `{success: false, error, field?}` with the HTTP status saying why.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MAX_FILE_BYTES = Math.max(...Object.values(ATTACHMENT_LIMITS));
const FILE_TIMEOUT_MS = 15_000;

function answer(status: number, error?: string, field?: string): Response {
  const body = error === undefined ? { success: true } : { success: false, error, ...(field !== undefined ? { field } : {}) };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

const fromResult = (result: InboundResult) => (result.ok ? answer(200) : answer(result.status, result.error, result.field));

export async function handleGatewayCall(ctx: ActionCtx, request: Request): Promise<Response> {
  const token = new URL(request.url).pathname.slice(GATEWAY_PATH.length);
  const gateway = TOKEN.test(token) ? await ctx.runQuery(internal.gatewayInbound.byToken, { uriToken: token }) : null;
  if (gateway === null) return answer(404, "No gateway at this URI.", "uri");
  if (Number(request.headers.get("Content-Length") ?? "0") > INBOUND_BODY_MAX_BYTES) return tooLarge();
  const raw = await request.text();
  if (new TextEncoder().encode(raw).byteLength > INBOUND_BODY_MAX_BYTES) return tooLarge();
  const secret = await openSecret(gateway.sealedSecret, SIGNING_SECRET_PURPOSE);
  const signature = request.headers.get(GATEWAY_SIGNATURE_HEADER);
  if (!(await verifyGatewaySignature(signature, raw, secret))) {
    return answer(401, signature === null ? `The ${GATEWAY_SIGNATURE_HEADER} header is missing.` : `The ${GATEWAY_SIGNATURE_HEADER} signature does not match the body.`, GATEWAY_SIGNATURE_HEADER);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return answer(400, "The body is not valid JSON.", "body");
  }
  const parsed = parseInbound(json);
  if (!parsed.ok) return answer(400, parsed.message, parsed.field);
  const body = parsed.body;
  if ("message" in body) return await receiveMessage(ctx, gateway.gatewayId, body.message);
  if ("close" in body) return fromResult(await ctx.runMutation(internal.gatewayInbound.closeChat, { gatewayId: gateway.gatewayId, chatId: body.close.chatId }));
  const recipients = (body.broadcast.recipients ?? []).map(({ id, error }) => ({ id, ...(error !== undefined ? { error } : {}) }));
  return fromResult(
    await ctx.runMutation(internal.gatewayInbound.reportBroadcast, { gatewayId: gateway.gatewayId, eventId: body.broadcast.eventId, recipients }),
  );
}

function tooLarge(): Response {
  return answer(413, `The body is larger than ${INBOUND_BODY_MAX_BYTES} bytes.`, "body");
}

async function receiveMessage(ctx: ActionCtx, gatewayId: Id<"gateways">, message: InboundMessage): Promise<Response> {
  const { id, chatId, sender, text, metadata, file, date } = message;
  const dateRefusal = date === undefined ? null : messageDateRefusal(date, Date.now());
  if (dateRefusal !== null) return answer(400, dateRefusal, "message.date");
  let stored: { attachment: { storageId: Id<"_storage">; name: string; contentType: string; size: number }; accessKey: string } | undefined;
  if (file !== undefined) {
    // A repeat is answered without fetching its file again.
    if (await ctx.runQuery(internal.gatewayInbound.isDuplicate, { gatewayId, chatId, messageId: id })) return answer(200);
    if (file.size > MAX_FILE_BYTES) return answer(400, `message.file.size: the file is larger than ${MAX_FILE_BYTES} bytes.`, "message.file.size");
    const fetched = await ctx.runAction(internal.outgoing.fetchFile.fetchFile, { url: file.url, maxBytes: MAX_FILE_BYTES, timeoutMs: FILE_TIMEOUT_MS });
    if (!fetched.ok) return answer(400, `message.file.url: ${fetched.error}.`, "message.file.url");
    const bytes = new Uint8Array(fetched.bytes);
    // The bytes decide the type, as for the widget's uploads; the declared mime is the service's word only.
    const verdict = classifyUpload(bytes);
    if (!verdict.ok) return answer(400, `message.file: ${uploadRefusalMessage(verdict.problem)}`, "message.file");
    const name = cleanFileName(file.name ?? "file");
    if (verdict.contentType === "text/plain" && !/\.txt$/i.test(name)) {
      return answer(400, "message.file.name: a text file must have a .txt name.", "message.file.name");
    }
    const storageId = await ctx.storage.store(new Blob([bytes], { type: verdict.contentType }));
    stored = { attachment: { storageId, name, contentType: verdict.contentType, size: bytes.length }, accessKey: toBase64Url(randomBytes(32)) };
  }
  const result = await ctx.runMutation(internal.gatewayInbound.receiveMessage, {
    gatewayId,
    id,
    chatId,
    sender: {
      id: sender.id,
      ...(sender.type !== undefined && sender.type !== "" ? { type: sender.type } : {}),
      ...(sender.name !== undefined ? { name: sender.name } : {}),
      ...(sender.nickname !== undefined ? { nickname: sender.nickname } : {}),
    },
    text: text ?? "",
    ...(date !== undefined ? { date } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
    ...(stored !== undefined ? { file: stored } : {}),
  });
  return fromResult(result);
}

/** Adds the gateway URI route to the app's router (http.ts). */
export function routeGateways(http: HttpRouter): void {
  http.route({ pathPrefix: GATEWAY_PATH, method: "POST", handler: httpAction(handleGatewayCall) });
}
