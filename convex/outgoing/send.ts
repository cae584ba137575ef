"use node";

import { lookup } from "node:dns/promises";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction } from "../_generated/server";
import { destinationRefusal, privateTargetsAllowed, type ResolveName } from "../lib/addresses";
import { prepareRequest, USER_AGENT, type ClaimedDelivery } from "./prepare";
import { sendWithTimeout, type WireResult } from "./wire";

/*
 * The attempt: claim, check the destination, send, report. It runs in Convex's
 * Node runtime ("use node") because only there can a name be resolved
 * (node:dns), and a name that resolves to 127.0.0.1 or 169.254.169.254 must be
 * refused like the literal address. The local backend and convex-test run it
 * in their own Node process.
 */

const systemResolve: ResolveName = async (name) => await lookup(name, { all: true, verbatim: true });

export const attempt = internalAction({
  args: { deliveryId: v.id("deliveries") },
  handler: async (ctx, { deliveryId }): Promise<null> => {
    const claimed = await ctx.runMutation(internal.outgoing.deliveries.claim, { deliveryId });
    if (claimed === null) return null;
    const startedAt = Date.now();
    const result = await attemptOnce(claimed, deliveryId, startedAt);
    await ctx.runMutation(internal.outgoing.deliveries.record, {
      deliveryId,
      attempt: claimed.attempt,
      startedAt,
      latencyMs: Date.now() - startedAt,
      outcome: result.outcome,
      jitter: Math.random(),
      responseBody: result.responseBody,
    });
    return null;
  },
});

/**
 * One call now, outside the queue and its log, with the same destination check
 * and time limit: for what a person waits on, such as the challenge GET that
 * verifies a bot server's URL before a connection is saved. Never retried.
 */
export const callNow = internalAction({
  args: {
    method: v.union(v.literal("GET"), v.literal("POST"), v.literal("PUT")),
    url: v.string(),
    headers: v.optional(v.record(v.string(), v.string())),
    body: v.optional(v.string()),
    timeoutMs: v.number(),
  },
  handler: async (_ctx, args): Promise<{ ok: boolean; statusCode: number | null; error: string | null; responseBody: string | null }> => {
    let refusal: string | null;
    try {
      refusal = await destinationRefusal(args.url, privateTargetsAllowed(), systemResolve);
    } catch (error) {
      refusal = `Could not resolve the URL's host: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (refusal !== null) return { ok: false, statusCode: null, error: `Refused: ${refusal}`, responseBody: null };
    const headers = { "User-Agent": USER_AGENT, ...(args.headers ?? {}) };
    const { outcome, responseBody } = await sendWithTimeout(
      { url: args.url, method: args.method, headers, body: args.method === "GET" ? null : (args.body ?? "") },
      args.timeoutMs,
    );
    return {
      ok: outcome.kind === "success",
      statusCode: outcome.statusCode ?? null,
      error: outcome.kind === "success" ? null : outcome.error,
      responseBody,
    };
  },
});

async function attemptOnce(claimed: ClaimedDelivery & { timeoutMs: number }, deliveryId: string, startedAt: number): Promise<WireResult> {
  let refusal: string | null;
  try {
    refusal = await destinationRefusal(claimed.url, privateTargetsAllowed(), systemResolve);
  } catch (error) {
    // A name that does not resolve now may resolve later (DNS is having a bad minute).
    const reason = error instanceof Error ? error.message : String(error);
    return { outcome: { kind: "retryable", error: `Could not resolve the URL's host: ${reason}`, retryAfterMs: null }, responseBody: null };
  }
  if (refusal !== null) return { outcome: { kind: "permanent", error: `Refused: ${refusal}` }, responseBody: null };
  let request;
  try {
    request = await prepareRequest(claimed, deliveryId, startedAt);
  } catch (error) {
    // A missing or rotated-away OPENCOM_SECRETS_KEY: an operator fixes the deployment, then retries.
    const reason = error instanceof Error ? error.message : String(error);
    return { outcome: { kind: "permanent", error: `Could not prepare the request: ${reason}` }, responseBody: null };
  }
  return await sendWithTimeout(request, claimed.timeoutMs);
}
