"use node";

import { outcomeOfStatus, parseRetryAfter, type AttemptOutcome } from "../lib/outgoingPolicy";
import type { WireRequest } from "./prepare";
import { guardedFetch, RefusedDestination, type DestinationGuard } from "./transport";

/*
 * One HTTP attempt with a hard limit on time (name resolution to last byte)
 * and on how much of the answer is read, to a destination the transport checks
 * as it connects. Redirects are not followed: a redirect could lead to an
 * address the destination check refused. A refused destination is permanent.
 */

export const RESPONSE_BODY_LIMIT = 64 * 1024;

export type WireResult = { outcome: AttemptOutcome; responseBody: string | null };

export async function sendWithTimeout(request: WireRequest, timeoutMs: number, guard?: DestinationGuard): Promise<WireResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const init = { method: request.method, headers: request.headers, signal: controller.signal, ...(request.body !== null ? { body: request.body } : {}) };
    return await guardedFetch(
      request.url,
      init,
      async (response) => {
        const responseBody = await readLimited(response, RESPONSE_BODY_LIMIT);
        const retryAfter = parseRetryAfter(response.headers.get("Retry-After"), Date.now());
        return { outcome: outcomeOfStatus(response.status, retryAfter), responseBody };
      },
      guard,
    );
  } catch (error) {
    if (error instanceof RefusedDestination) return { outcome: { kind: "permanent", error: `Refused: ${error.message}` }, responseBody: null };
    const error_ = controller.signal.aborted ? `Timed out after ${timeoutMs} ms` : `Network error: ${describe(error)}`;
    return { outcome: { kind: "retryable", error: error_, retryAfterMs: null }, responseBody: null };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === "string" ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}

/** The answer's text up to `limit` bytes; the rest is dropped unread. */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= limit) await reader.cancel().catch(() => undefined);
  const all = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const take = chunk.subarray(0, Math.min(chunk.byteLength, all.length - offset));
    all.set(take, offset);
    offset += take.byteLength;
    if (offset >= all.length) break;
  }
  return new TextDecoder().decode(all);
}
