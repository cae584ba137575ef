"use node";

import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction } from "../_generated/server";
import { checkTargetUrl, privateTargetsAllowed } from "../lib/addresses";
import { outcomeOfAnswer } from "../lib/outgoingPolicy";
import { prepareRequest, USER_AGENT, type ClaimedDelivery } from "./prepare";
import { sendWithTimeout, type WireResult } from "./wire";

/*
 * The attempt: claim, send, report. It runs in Convex's Node runtime ("use
 * node") because only there can a name be resolved as the connection is made
 * (transport.ts), so that a name that resolves to 127.0.0.1 or 169.254.169.254
 * is refused like the literal address. The local backend and convex-test run
 * it in their own Node process.
 */

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
      outcome: outcomeOfAnswer(claimed.kind, result.outcome, result.responseBody),
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
  // The URL's own rules before any secret is opened; its name is checked as the transport connects.
  const target = checkTargetUrl(claimed.url, privateTargetsAllowed());
  if (!target.ok) return { outcome: { kind: "permanent", error: `Refused: url ${target.reason}` }, responseBody: null };
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
