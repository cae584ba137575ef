"use node";

import { v } from "convex/values";
import { internalAction } from "../_generated/server";
import { USER_AGENT } from "./prepare";
import { guardedFetch, RefusedDestination } from "./transport";

/*
 * An inbound file's download (a gateway message's `file.url`): the same
 * destination rules as every outgoing call (no private or loopback address
 * outside development, a name resolved once and checked as the connection is
 * made), a time limit, no redirects, and at most `maxBytes` read. The caller
 * checks the bytes as an upload is checked before storing anything.
 */

export type FetchedFile = { ok: true; bytes: ArrayBuffer } | { ok: false; error: string };

export const fetchFile = internalAction({
  args: { url: v.string(), maxBytes: v.number(), timeoutMs: v.number() },
  handler: async (_ctx, args): Promise<FetchedFile> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), args.timeoutMs);
    try {
      return await guardedFetch(args.url, { signal: controller.signal, headers: { "User-Agent": USER_AGENT } }, async (response): Promise<FetchedFile> => {
        if (response.status !== 200) return { ok: false, error: `the download answered ${response.status}` };
        if (Number(response.headers.get("Content-Length") ?? "0") > args.maxBytes) return { ok: false, error: `the file is larger than ${args.maxBytes} bytes` };
        const bytes = await readAtMost(response, args.maxBytes);
        return bytes === null ? { ok: false, error: `the file is larger than ${args.maxBytes} bytes` } : { ok: true, bytes };
      });
    } catch (error) {
      if (error instanceof RefusedDestination) return { ok: false, error: error.message.replace(/^url /, "") };
      return { ok: false, error: controller.signal.aborted ? `the download took longer than ${args.timeoutMs} ms` : `the download failed (${String(error)})` };
    } finally {
      clearTimeout(timer);
    }
  },
});

/** The whole body, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readAtMost(response: Response, limit: number): Promise<ArrayBuffer | null> {
  if (response.body === null) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all.buffer;
}
