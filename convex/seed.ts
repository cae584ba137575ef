import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation } from "./_generated/server";
import { apiKeyDisplayPrefix, generateApiKey, generateIdentitySecret, sha256Hex } from "./lib/crypto";
import { LOCAL_DEVELOPMENT_ORIGINS } from "./lib/origins";
import { workspaceDocument } from "./lib/workspaceSettings";
import { insertApiKey } from "./apiKeys";
import { insertDemoEngagement } from "./model/demoEngagement";
import { insertDemoMessenger } from "./model/demoMessenger";
import { insertDemoTickets } from "./model/demoTickets";

export const DEMO_WORKSPACE_ID = "demo";

export type DemoCredentials = { workspaceId: string; adminApiKey: string; hmacSecret: string; demoSiteUrl: string };

/** Where `npm run dev` serves the demo site; the local backend passes its environment through. */
function demoSiteUrl(): string {
  return `http://127.0.0.1:${process.env.OPENCOM_DEMO_PORT || "5173"}`;
}

/**
 * Creates the demo workspace on a fresh deployment and returns its credentials
 * (the only time the raw API key is visible); returns null when it already
 * exists. The local backend calls this once on first start and writes demo.json.
 */
export const demo = internalAction({
  args: {},
  handler: async (ctx): Promise<DemoCredentials | null> => {
    const adminApiKey = generateApiKey();
    const hmacSecret = generateIdentitySecret();
    const created = await ctx.runMutation(internal.seed.insertDemoWorkspace, {
      apiKeyHash: await sha256Hex(adminApiKey),
      apiKeyPrefix: apiKeyDisplayPrefix(adminApiKey),
      identitySecret: hmacSecret,
    });
    return created ? { workspaceId: DEMO_WORKSPACE_ID, adminApiKey, hmacSecret, demoSiteUrl: demoSiteUrl() } : null;
  },
});

/** Checks and inserts in one transaction, so two racing seeds create one workspace. */
export const insertDemoWorkspace = internalMutation({
  args: { apiKeyHash: v.string(), apiKeyPrefix: v.string(), identitySecret: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const existing = await ctx.db
      .query("workspaces")
      .withIndex("by_public_id", (q) => q.eq("publicId", DEMO_WORKSPACE_ID))
      .first();
    if (existing !== null) return false;
    const workspaceId = await ctx.db.insert(
      "workspaces",
      workspaceDocument({
        publicId: DEMO_WORKSPACE_ID,
        name: "Demo workspace",
        allowedOrigins: LOCAL_DEVELOPMENT_ORIGINS,
        identitySecret: args.identitySecret,
        identityVerificationMode: "optional",
        messenger: {
          primaryColor: "#4f46e5",
          greeting: "Hi 👋 This is the Opencom demo. Send us a message!",
          teamName: "Opencom Demo Team",
        },
      }),
    );
    await insertApiKey(ctx.db, {
      workspaceId,
      name: "Demo admin key",
      keyHash: args.apiKeyHash,
      prefix: args.apiKeyPrefix,
      now: Date.now(),
    });
    await insertDemoEngagement(ctx.db, workspaceId, Date.now());
    await insertDemoMessenger(ctx.db, workspaceId, Date.now(), demoSiteUrl());
    await insertDemoTickets(ctx, workspaceId, Date.now());
    return true;
  },
});
