import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Id } from "./_generated/dataModel";
import { internalMutation, internalQuery } from "./_generated/server";
import { appendAudit } from "./audit";
import { auditActorValidator } from "./lib/auditEntries";
import { oauthScopeValidator } from "./lib/widgetConfigTables";

/*
 * OAuth 2.0 clients of a workspace (client credentials grant). The secret is
 * shown once when the client is made; only its SHA-256 is stored. Revoking a
 * client ends its tokens at once (every request looks the client up).
 */

export type ActiveOAuthClient = {
  clientId: string;
  name: string;
  workspaceId: Id<"workspaces">;
  secretHash: string;
  scopes: Array<"widget.config:view" | "widget.config:edit">;
  allowedOrigins: string[];
};

export type OAuthClientView = { clientId: string; name: string; scopes: string[]; createdAt: number; revokedAt: number | null };

export const findActive = internalQuery({
  args: { clientId: v.string() },
  handler: async (ctx, { clientId }): Promise<ActiveOAuthClient | null> => {
    const client = await ctx.db.query("oauthClients").withIndex("by_client_id", (q) => q.eq("clientId", clientId)).first();
    if (client === null || client.revokedAt !== undefined) return null;
    const workspace = await ctx.db.get("workspaces", client.workspaceId);
    if (workspace === null) return null;
    return {
      clientId: client.clientId,
      name: client.name,
      workspaceId: client.workspaceId,
      secretHash: client.secretHash,
      scopes: client.scopes,
      allowedOrigins: workspace.allowedOrigins,
    };
  },
});

export const create = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    clientId: v.string(),
    name: v.string(),
    secretHash: v.string(),
    scopes: v.array(oauthScopeValidator),
    actor: auditActorValidator,
  },
  handler: async (ctx, { actor, ...args }): Promise<OAuthClientView> => {
    const createdAt = Date.now();
    await ctx.db.insert("oauthClients", { ...args, createdAt });
    await appendAudit(ctx.db, {
      workspaceId: args.workspaceId,
      action: "oauth_client.created",
      actor,
      target: { type: "oauth_client", id: args.clientId },
      details: { name: args.name, scopes: args.scopes },
    });
    return { clientId: args.clientId, name: args.name, scopes: args.scopes, createdAt, revokedAt: null };
  },
});

export const list = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { workspaceId, paginationOpts }): Promise<PaginationResult<OAuthClientView>> => {
    const clients = await ctx.db
      .query("oauthClients")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .paginate(boundedPage(paginationOpts));
    return await mapPage(clients, (client) => ({
      clientId: client.clientId,
      name: client.name,
      scopes: client.scopes,
      createdAt: client.createdAt,
      revokedAt: client.revokedAt ?? null,
    }));
  },
});

export const revoke = internalMutation({
  args: { workspaceId: v.id("workspaces"), clientId: v.string(), actor: auditActorValidator },
  handler: async (ctx, { workspaceId, clientId, actor }): Promise<boolean> => {
    const client = await ctx.db.query("oauthClients").withIndex("by_client_id", (q) => q.eq("clientId", clientId)).first();
    if (client === null || client.workspaceId !== workspaceId) return false;
    if (client.revokedAt === undefined) {
      await ctx.db.patch("oauthClients", client._id, { revokedAt: Date.now() });
      await appendAudit(ctx.db, { workspaceId, action: "oauth_client.revoked", actor, target: { type: "oauth_client", id: clientId } });
    }
    return true;
  },
});
