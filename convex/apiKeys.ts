import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { action, internalAction, internalMutation, internalQuery, mutation, query, type DatabaseWriter } from "./_generated/server";
import { appendAudit } from "./audit";
import { SYSTEM_ACTOR, type AuditActor } from "./lib/auditEntries";
import { apiKeyDisplayPrefix, generateApiKey, sha256Hex } from "./lib/crypto";
import { API_KEY_NAME_MAX, shouldNoteUse } from "./lib/apiKeyRules";
import { appError, invalidArgument } from "./lib/errors";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";

/*
 * Admin API keys. Only the SHA-256 of a key is stored; the key itself is shown
 * once, when it is made. Minting happens in an action (true randomness).
 * Admins manage them in the inbox (inbox* functions); scripts and the seed use
 * the internal ones. Every creation and revocation is in the audit log.
 */


export async function insertApiKey(
  db: DatabaseWriter,
  args: { workspaceId: Id<"workspaces">; name: string; keyHash: string; prefix: string; now: number; actor?: AuditActor },
): Promise<Id<"apiKeys">> {
  const apiKeyId = await db.insert("apiKeys", {
    workspaceId: args.workspaceId,
    name: args.name,
    keyHash: args.keyHash,
    prefix: args.prefix,
    createdAt: args.now,
  });
  await appendAudit(db, {
    workspaceId: args.workspaceId,
    at: args.now,
    action: "api_key.created",
    actor: args.actor ?? SYSTEM_ACTOR,
    target: { type: "api_key", id: apiKeyId },
    details: { name: args.name, prefix: args.prefix },
  });
  return apiKeyId;
}

export type ActiveApiKey = {
  apiKeyId: Id<"apiKeys">;
  workspaceId: Id<"workspaces">;
  keyHash: string;
  /** "name (oc_live_abcd…)": how the audit log names the key. */
  label: string;
  /** The workspace's allowed origins: the REST layer's CORS allow-list. */
  allowedOrigins: string[];
  lastUsedAt: number | null;
};

/** The REST layer's lookup: a live key with this hash, or null. */
export const findActiveByHash = internalQuery({
  args: { keyHash: v.string() },
  handler: async (ctx, { keyHash }): Promise<ActiveApiKey | null> => {
    const key = await ctx.db
      .query("apiKeys")
      .withIndex("by_key_hash", (q) => q.eq("keyHash", keyHash))
      .first();
    if (key === null || key.revokedAt !== undefined) return null;
    const workspace = await ctx.db.get("workspaces", key.workspaceId);
    if (workspace === null) return null;
    return {
      apiKeyId: key._id,
      workspaceId: key.workspaceId,
      keyHash: key.keyHash,
      label: `${key.name} (${key.prefix}…)`,
      allowedOrigins: workspace.allowedOrigins,
      lastUsedAt: key.lastUsedAt ?? null,
    };
  },
});

export const store = internalMutation({
  args: { workspaceId: v.id("workspaces"), name: v.string(), keyHash: v.string(), prefix: v.string() },
  handler: async (ctx, args): Promise<Id<"apiKeys">> => insertApiKey(ctx.db, { ...args, now: Date.now() }),
});

/** Mints a key for a workspace and returns it; this is the only time it is visible. */
export const create = internalAction({
  args: { workspaceId: v.id("workspaces"), name: v.string() },
  handler: async (ctx, args): Promise<{ apiKeyId: Id<"apiKeys">; apiKey: string }> => {
    const apiKey = generateApiKey();
    const apiKeyId = await ctx.runMutation(internal.apiKeys.store, {
      ...args,
      keyHash: await sha256Hex(apiKey),
      prefix: apiKeyDisplayPrefix(apiKey),
    });
    return { apiKeyId, apiKey };
  },
});

/**
 * For tests and scripts that pick the key themselves (a mutation cannot draw
 * real randomness): stores the hash of the given key.
 */
export const createWithKey = internalMutation({
  args: { workspaceId: v.id("workspaces"), name: v.string(), key: v.string() },
  handler: async (ctx, args): Promise<Id<"apiKeys">> =>
    insertApiKey(ctx.db, {
      workspaceId: args.workspaceId,
      name: args.name,
      keyHash: await sha256Hex(args.key),
      prefix: apiKeyDisplayPrefix(args.key),
      now: Date.now(),
    }),
});

export const revoke = internalMutation({
  args: { apiKeyId: v.id("apiKeys") },
  handler: async (ctx, { apiKeyId }): Promise<null> => {
    const key = await ctx.db.get("apiKeys", apiKeyId);
    if (key !== null) await revokeKey(ctx.db, key, SYSTEM_ACTOR);
    return null;
  },
});

async function revokeKey(db: DatabaseWriter, key: Doc<"apiKeys">, actor: AuditActor): Promise<void> {
  if (key.revokedAt !== undefined) return;
  await db.patch("apiKeys", key._id, { revokedAt: Date.now() });
  await appendAudit(db, {
    workspaceId: key.workspaceId,
    action: "api_key.revoked",
    actor,
    target: { type: "api_key", id: key._id },
    details: { name: key.name, prefix: key.prefix },
  });
}

/** The REST layer notes a key's use; a no-op within a minute of the last note. */
export const touch = internalMutation({
  args: { apiKeyId: v.id("apiKeys") },
  handler: async (ctx, { apiKeyId }): Promise<null> => {
    const key = await ctx.db.get("apiKeys", apiKeyId);
    const now = Date.now();
    if (key !== null && shouldNoteUse(key.lastUsedAt, now)) {
      await ctx.db.patch("apiKeys", apiKeyId, { lastUsedAt: now });
    }
    return null;
  },
});

/** A key as the inbox and the REST API list it: never the key itself, nor its hash. */
export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: number; lastUsedAt: number | null; revokedAt: number | null };

function apiKeyView(key: Doc<"apiKeys">): ApiKeyView {
  return { id: key._id, name: key.name, prefix: key.prefix, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt ?? null, revokedAt: key.revokedAt ?? null };
}

/** Admins only: the workspace's keys, newest first, never the key or its hash. */
export const inboxList = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<ApiKeyView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const keys = await ctx.db
      .query("apiKeys")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .order("desc")
      .take(200);
    return keys.map(apiKeyView);
  },
});

export type CreatedApiKey = { apiKeyId: Id<"apiKeys">; apiKey: string };

/** Admins only. The answer holds the key: the only time anyone sees it. */
export const inboxCreate = action({
  args: { workspaceId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<CreatedApiKey> => {
    const apiKey = generateApiKey();
    const apiKeyId = await ctx.runMutation(internal.apiKeys.storeForMember, {
      workspaceId: args.workspaceId,
      name: args.name,
      keyHash: await sha256Hex(apiKey),
      prefix: apiKeyDisplayPrefix(apiKey),
    });
    return { apiKeyId, apiKey };
  },
});

/** Runs with the caller's identity (actions pass it on), so the admin check is the caller's. */
export const storeForMember = internalMutation({
  args: { workspaceId: v.string(), name: v.string(), keyHash: v.string(), prefix: v.string() },
  handler: async (ctx, args): Promise<Id<"apiKeys">> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const name = args.name.trim();
    if (name.length === 0 || name.length > API_KEY_NAME_MAX) throw invalidArgument("name", `name must be 1–${API_KEY_NAME_MAX} characters.`);
    return await insertApiKey(ctx.db, {
      workspaceId: access.workspaceId,
      name,
      keyHash: args.keyHash,
      prefix: args.prefix,
      now: Date.now(),
      actor: await operatorActor(ctx.db, access),
    });
  },
});

/** Admins only; the key stops working at once. */
export const inboxRevoke = mutation({
  args: { workspaceId: v.string(), apiKeyId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const id = ctx.db.normalizeId("apiKeys", args.apiKeyId);
    const key = id === null ? null : await ctx.db.get("apiKeys", id);
    if (key === null || key.workspaceId !== access.workspaceId) throw appError("NOT_FOUND", "API key not found.", "apiKeyId");
    await revokeKey(ctx.db, key, await operatorActor(ctx.db, access));
    return null;
  },
});

/** REST: the workspace's keys, revoked ones included, oldest first. */
export const listForWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiKeyView>> => {
    const page = await ctx.db
      .query("apiKeys")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, apiKeyView);
  },
});

/** REST: which of the workspace's keys `id` is, for revoking; null for unknown or another workspace's. */
export const findInWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<Id<"apiKeys"> | null> => {
    const id = ctx.db.normalizeId("apiKeys", args.id);
    const key = id === null ? null : await ctx.db.get("apiKeys", id);
    return key !== null && key.workspaceId === args.workspaceId ? key._id : null;
  },
});
