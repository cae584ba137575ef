import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { ActionCtx } from "../_generated/server";
import { shouldNoteUse } from "../lib/apiKeyRules";
import type { AuditActor } from "../lib/auditEntries";
import { constantTimeEqual, sha256Hex } from "../lib/crypto";

/**
 * Who a REST request acts for, whatever credential proved it. Handlers read
 * the workspace; the route runner reads the rest.
 */
export type Caller = {
  workspaceId: Id<"workspaces">;
  /** CORS headers are sent only to these origins (the workspace's allowedOrigins). */
  allowedOrigins: string[];
  /** Rate limits count per credential (an API key's id, later an OAuth client's). */
  rateLimitKey: string;
  /** `label` is the key's name and display prefix (or the OAuth client's name), for the audit log. */
  credential:
    | { scheme: "adminApiKey"; apiKeyId: Id<"apiKeys">; label: string }
    | { scheme: "oauthBearer"; clientId: string; label: string; scopes: string[] };
};

/** A scheme's answer for one request: a caller, or why not (401: no or bad credential; 403: valid but not allowed). */
export type AuthVerdict =
  | { ok: true; caller: Caller }
  | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN"; message: string; headers?: Record<string, string> };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
  return BEARER.exec(request.headers.get("Authorization") ?? "")?.[1] ?? null;
}

const BAD_API_KEY: AuthVerdict = {
  ok: false,
  code: "UNAUTHENTICATED",
  message: "Missing or invalid API key. Send Authorization: Bearer <key>.",
  headers: { "WWW-Authenticate": 'Bearer realm="opencom"' },
};

/**
 * The workspace an admin API key belongs to; refused for a missing, unknown or
 * revoked key. Keys are found by the hash of what was presented; the stored
 * hash is compared again in constant time so the answer never depends on how
 * much of a guess was right.
 */
export async function verifyAdminApiKey(ctx: ActionCtx, request: Request): Promise<AuthVerdict> {
  const presentedKey = bearerToken(request);
  if (presentedKey === null) return BAD_API_KEY;
  const presentedHash = await sha256Hex(presentedKey);
  const key = await ctx.runQuery(internal.apiKeys.findActiveByHash, { keyHash: presentedHash });
  if (key === null || !constantTimeEqual(key.keyHash, presentedHash)) return BAD_API_KEY;
  if (shouldNoteUse(key.lastUsedAt, Date.now())) {
    await ctx.runMutation(internal.apiKeys.touch, { apiKeyId: key.apiKeyId });
  }
  return {
    ok: true,
    caller: {
      workspaceId: key.workspaceId,
      allowedOrigins: key.allowedOrigins,
      rateLimitKey: key.apiKeyId,
      credential: { scheme: "adminApiKey", apiKeyId: key.apiKeyId, label: key.label },
    },
  };
}

/** The audit log's actor for a REST caller. */
export function callerActor(caller: Caller): AuditActor {
  const { credential } = caller;
  return credential.scheme === "adminApiKey"
    ? { type: "api_key", id: credential.apiKeyId, label: credential.label }
    : { type: "oauth_client", id: credential.clientId, label: credential.label };
}

/** `metadata.lastModifiedBy` of what a caller changes: the OAuth client id, or `api_key:<name>`. */
export function callerName(caller: Caller): string {
  const { credential } = caller;
  return credential.scheme === "adminApiKey" ? `api_key:${credential.label}` : credential.clientId;
}
