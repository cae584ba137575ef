import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";
import { sha256Hex } from "./lib/crypto";
import { appError } from "./lib/errors";
import { checkOAuthClientInput, generateClientCredentials } from "./lib/oauthTokens";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";
import { clientsOf, revokeClient, type OAuthClientView } from "./oauthClients";

/*
 * The inbox's Settings → OAuth clients (admins only, checked on every call):
 * the clients of the widget configuration API, made, revoked and given a new
 * secret through the same functions and audit entries as the REST API. A
 * secret is made in an action (true randomness), shown once, stored hashed.
 */

const clientArgs = { workspaceId: v.string(), clientId: v.string() };

export const list = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<OAuthClientView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    return await clientsOf(ctx.db, workspaceId);
  },
});

export const create = action({
  args: { workspaceId: v.string(), name: v.string(), scopes: v.array(v.string()) },
  handler: async (ctx, args): Promise<OAuthClientView & { clientSecret: string }> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: args.workspaceId });
    const { name, scopes } = checkOAuthClientInput(args);
    const { clientId, clientSecret } = generateClientCredentials();
    const client = await ctx.runMutation(internal.oauthClients.create, { workspaceId, clientId, name, secretHash: await sha256Hex(clientSecret), scopes, actor });
    return { ...client, clientSecret };
  },
});

/** A new secret, shown once; the old one and the access tokens issued with it stop working. */
export const rotateSecret = action({
  args: clientArgs,
  handler: async (ctx, args): Promise<{ clientId: string; clientSecret: string }> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: args.workspaceId });
    const { clientSecret } = generateClientCredentials();
    await ctx.runMutation(internal.oauthClients.replaceSecret, { workspaceId, clientId: args.clientId, secretHash: await sha256Hex(clientSecret), actor });
    return { clientId: args.clientId, clientSecret };
  },
});

export const revoke = mutation({
  args: clientArgs,
  handler: async (ctx, args): Promise<null> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    if (!(await revokeClient(ctx.db, access.workspaceId, args.clientId, await operatorActor(ctx.db, access)))) {
      throw appError("NOT_FOUND", "No such client.", "clientId");
    }
    return null;
  },
});
