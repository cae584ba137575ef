import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { ActionCtx } from "../_generated/server";
import type { AuditActor } from "../lib/auditEntries";
import { constantTimeEqual, sha256Hex } from "../lib/crypto";

export type ApiCaller = {
  workspaceId: Id<"workspaces">;
  /** Rate limits count per key. */
  apiKeyId: Id<"apiKeys">;
  /** The key's name and display prefix, for the audit log. */
  apiKeyLabel: string;
  /** CORS headers are sent only to these origins (the workspace's allowedOrigins). */
  allowedOrigins: string[];
};

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The workspace an admin API key belongs to, or null for a missing, unknown or
 * revoked key. Keys are found by the hash of what was presented; the stored
 * hash is compared again in constant time so the answer never depends on how
 * much of a guess was right.
 */
export async function authenticateApiKey(ctx: ActionCtx, request: Request): Promise<ApiCaller | null> {
  const match = BEARER.exec(request.headers.get("Authorization") ?? "");
  const presentedKey = match?.[1];
  if (presentedKey === undefined) return null;
  const presentedHash = await sha256Hex(presentedKey);
  const key = await ctx.runQuery(internal.apiKeys.findActiveByHash, { keyHash: presentedHash });
  if (key === null || !constantTimeEqual(key.keyHash, presentedHash)) return null;
  return {
    workspaceId: key.workspaceId,
    apiKeyId: key.apiKeyId,
    apiKeyLabel: key.label,
    allowedOrigins: key.allowedOrigins,
  };
}

/** The audit log's actor for a REST caller. */
export function apiKeyActor(caller: ApiCaller): AuditActor {
  return { type: "api_key", id: caller.apiKeyId, label: caller.apiKeyLabel };
}
