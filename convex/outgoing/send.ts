"use node";

import { lookup } from "node:dns/promises";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction } from "../_generated/server";
import { destinationRefusal, privateTargetsAllowed, type ResolveName } from "../lib/addresses";
import { prepareRequest, type ClaimedDelivery } from "./prepare";
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
