import { v } from "convex/values";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { boundedPage, mapPage } from "./lib/pages";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader, type DatabaseWriter } from "./_generated/server";
import { appendAudit } from "./audit";
import { auditActorValidator, type AuditActor } from "./lib/auditEntries";
import { appError } from "./lib/errors";
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
  secretRotatedAt: number | null;
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
      secretRotatedAt: client.secretRotatedAt ?? null,
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

function clientView(client: Doc<"oauthClients">): OAuthClientView {
  return {
    clientId: client.clientId,
    name: client.name,
    scopes: client.scopes,
    createdAt: client.createdAt,
    revokedAt: client.revokedAt ?? null,
  };
}

/** The workspace's clients, revoked ones included, never their secrets. */
export async function clientsOf(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<OAuthClientView[]> {
  const clients = await db.query("oauthClients").withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId)).take(200);
  return clients.map(clientView);
}

export const list = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { workspaceId, paginationOpts }): Promise<PaginationResult<OAuthClientView>> => {
    const clients = await ctx.db
      .query("oauthClients")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .paginate(boundedPage(paginationOpts));
    return await mapPage(clients, clientView);
  },
});

async function clientOf(db: DatabaseReader, workspaceId: Id<"workspaces">, clientId: string): Promise<Doc<"oauthClients"> | null> {
  const client = await db.query("oauthClients").withIndex("by_client_id", (q) => q.eq("clientId", clientId)).first();
  return client === null || client.workspaceId !== workspaceId ? null : client;
}

/** Revokes a client of the workspace (once; audited); false when it has no such client. */
export async function revokeClient(db: DatabaseWriter, workspaceId: Id<"workspaces">, clientId: string, actor: AuditActor): Promise<boolean> {
  const client = await clientOf(db, workspaceId, clientId);
  if (client === null) return false;
  if (client.revokedAt === undefined) {
    await db.patch("oauthClients", client._id, { revokedAt: Date.now() });
    await appendAudit(db, { workspaceId, action: "oauth_client.revoked", actor, target: { type: "oauth_client", id: clientId } });
  }
  return true;
}

export const revoke = internalMutation({
  args: { workspaceId: v.id("workspaces"), clientId: v.string(), actor: auditActorValidator },
  handler: async (ctx, { workspaceId, clientId, actor }): Promise<boolean> => await revokeClient(ctx.db, workspaceId, clientId, actor),
});

/**
 * A new secret for a live client (its hash; the action made the secret): the
 * old secret stops working, and so do access tokens issued before now.
 */
export const replaceSecret = internalMutation({
  args: { workspaceId: v.id("workspaces"), clientId: v.string(), secretHash: v.string(), actor: auditActorValidator },
  handler: async (ctx, { workspaceId, clientId, secretHash, actor }): Promise<null> => {
    const client = await clientOf(ctx.db, workspaceId, clientId);
    if (client === null) throw appError("NOT_FOUND", "No such client.", "clientId");
    if (client.revokedAt !== undefined) throw appError("CONFLICT", "This client is revoked: create a new one instead.", "clientId");
    await ctx.db.patch("oauthClients", client._id, { secretHash, secretRotatedAt: Date.now() });
    await appendAudit(ctx.db, { workspaceId, action: "oauth_client.secret_rotated", actor, target: { type: "oauth_client", id: clientId } });
    return null;
  },
});
