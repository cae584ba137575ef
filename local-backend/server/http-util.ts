// Small helpers shared by the two HTTP listeners.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * How much of an over-limit body is read and thrown away so the refusal can be answered on
 * the same keep-alive connection; past this, the answer closes the connection.
 */
export const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(
    limit: number,
    /** Whether the whole body was read (and discarded), so the connection can serve another request. */
    readonly drained: boolean,
  ) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

/** Reads a body up to `limit` bytes; a larger one is read to its end and discarded (up to a bound), then refused. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit + MAX_DISCARDED_BYTES) {
      req.pause();
      reject(new BodyTooLarge(limit, false));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error | null, body?: Buffer) => {
      req.off("data", onData).off("end", onEnd).off("error", stop).off("close", onClose);
      if (error === null) resolve(body!);
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + MAX_DISCARDED_BYTES) {
        req.pause();
        stop(new BodyTooLarge(limit, false));
      }
    };
    const onEnd = () => (size > limit ? stop(new BodyTooLarge(limit, true)) : stop(null, Buffer.concat(chunks)));
    const onClose = () => stop(new Error("The request was aborted before its body arrived"));
    req.on("data", onData).on("end", onEnd).on("error", stop).on("close", onClose);
  });
}

/** 413 for a body over the limit (closing the connection unless the body was drained), else 400. */
export function sendBodyError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  if (!(error instanceof BodyTooLarge)) {
    sendJson(res, 400, { code: "BadRequest", message: (error as Error).message }, headers);
    return;
  }
  sendJson(res, 413, { code: "BodyTooLarge", message: error.message }, { ...headers, ...(error.drained ? {} : { connection: "close" }) });
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** The URL the client used (Host header and target); null when either is malformed. */
export function requestUrl(req: IncomingMessage): URL | null {
  const host = req.headers.host ?? "127.0.0.1";
  if (!HOST.test(host)) return null;
  try {
    return new URL(req.url ?? "/", `http://${host}`);
  } catch {
    return null;
  }
}

export function sendMalformedRequest(res: ServerResponse): void {
  sendJson(res, 400, { code: "BadRequest", message: "Malformed request: the Host header or the request target is not a valid URL part" }, { connection: "close" });
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
