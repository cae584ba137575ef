// Small helpers shared by the two HTTP listeners.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function peerOf(req: IncomingMessage): { ip: string | null; userAgent: string | null } {
  return { ip: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
}

/** The Convex client API is public and token-authenticated, so any origin may call it. */
export const OPEN_CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "Content-Type, Authorization, Convex-Client",
  "access-control-max-age": "86400",
};
