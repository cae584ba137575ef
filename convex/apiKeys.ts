import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type DatabaseWriter } from "./_generated/server";
import { appendAudit } from "./audit";
import { SYSTEM_ACTOR } from "./lib/auditEntries";
import { apiKeyDisplayPrefix, generateApiKey, sha256Hex } from "./lib/crypto";

/*
 * Admin API keys. Only the SHA-256 of a key is stored; the key itself is shown
 * once, when it is made. Minting happens in an action (true randomness).
 */

export async function insertApiKey(
  db: DatabaseWriter,
  args: { workspaceId: Id<"workspaces">; name: string; keyHash: string; prefix: string; now: number },
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
    actor: SYSTEM_ACTOR,
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
    if (key !== null && key.revokedAt === undefined) {
      await ctx.db.patch("apiKeys", apiKeyId, { revokedAt: Date.now() });
      await appendAudit(ctx.db, {
        workspaceId: key.workspaceId,
        action: "api_key.revoked",
        actor: SYSTEM_ACTOR,
        target: { type: "api_key", id: apiKeyId },
        details: { name: key.name, prefix: key.prefix },
      });
    }
    return null;
  },
});

/** A key as the REST API lists it: never the key itself, nor its hash. */
export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: number; revokedAt: number | null };

/** REST: the workspace's keys, revoked ones included, oldest first. */
export const listForWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<ApiKeyView[]> => {
    const keys = await ctx.db
      .query("apiKeys")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .take(200);
    return keys.map((key) => ({ id: key._id, name: key.name, prefix: key.prefix, createdAt: key.createdAt, revokedAt: key.revokedAt ?? null }));
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
