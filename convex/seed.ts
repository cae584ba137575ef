import { v } from "convex/values";
import { internal } from "./_generated/api";
import { createAccount } from "@convex-dev/auth/server";
import { internalAction, internalMutation, type ActionCtx } from "./_generated/server";
import { apiKeyDisplayPrefix, generateApiKey, generateIdentitySecret, randomBytes, sha256Hex, toBase64Url } from "./lib/crypto";
import { memberRoleValidator } from "./lib/operatorTables";
import { LOCAL_DEVELOPMENT_ORIGINS } from "./lib/origins";
import { workspaceDocument } from "./lib/workspaceSettings";
import { insertApiKey } from "./apiKeys";
import { insertDemoEngagement } from "./model/demoEngagement";
import { insertDemoMessenger } from "./model/demoMessenger";
import { insertDemoTickets } from "./model/demoTickets";
import { insertBusyInbox } from "./model/demoBusyInbox";
import { DEMO_BOT_TOKEN, demoBotUrl, demoStory } from "./model/demoBot";
import { sealConnectionSecrets, sealSigningSecret } from "./model/botConnections";
import { setActiveStory } from "./model/botStories";
import { ensureDefault } from "./model/widgetConfigs";

export const DEMO_WORKSPACE_ID = "demo";

export type DemoOperator = { email: string; password: string; role: "admin" | "agent" };
export type DemoCredentials = {
  workspaceId: string;
  adminApiKey: string;
  hmacSecret: string;
  demoSiteUrl: string;
  /** Who can sign in to the inbox; the passwords are random and appear nowhere else. */
  operators: DemoOperator[];
};

const DEMO_OPERATORS = [
  { email: "admin@demo.opencom.dev", name: "Ada Admin", role: "admin" },
  { email: "agent@demo.opencom.dev", name: "Alan Agent", role: "agent" },
] as const;

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
    if (!created) return null;
    const operators = await createDemoOperators(ctx);
    await seedDemoBot(ctx);
    return { workspaceId: DEMO_WORKSPACE_ID, adminApiKey, hmacSecret, demoSiteUrl: demoSiteUrl(), operators };
  },
});

/**
 * The demo bot and its connection to the example bot server. Added as a trusted seed (no
 * verification GET: the server usually starts after the backend). It greets new
 * conversations when `npm run dev` runs the bot server (it passes OPENCOM_BOT_PORT);
 * elsewhere (tests, benchmarks) it is there but not active. Without a secrets key to seal
 * the token with, the demo goes without a bot.
 */
async function seedDemoBot(ctx: ActionCtx): Promise<void> {
  let sealed;
  try {
    sealed = { secrets: await sealConnectionSecrets({ name: "Demo bot server", url: demoBotUrl(), token: DEMO_BOT_TOKEN }), signing: await sealSigningSecret(`whsec_${toBase64Url(randomBytes(32))}`) };
  } catch (error) {
    console.warn(`The demo bot is not seeded: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  await ctx.runMutation(internal.seed.insertDemoBot, {
    url: demoBotUrl(),
    sealedToken: sealed.secrets.sealedToken ?? "",
    sealedSigningSecret: sealed.signing,
    active: process.env.OPENCOM_BOT_PORT !== undefined,
  });
}

export const insertDemoBot = internalMutation({
  args: { url: v.string(), sealedToken: v.string(), sealedSigningSecret: v.string(), active: v.boolean() },
  handler: async (ctx, args): Promise<null> => {
    const workspace = await ctx.db
      .query("workspaces")
      .withIndex("by_public_id", (q) => q.eq("publicId", DEMO_WORKSPACE_ID))
      .unique();
    if (workspace === null) throw new Error("The demo workspace must exist before its bot");
    const now = Date.now();
    const storyId = await ctx.db.insert("botStories", { workspaceId: workspace._id, ...demoStory("pending"), nodes: [], createdAt: now, updatedAt: now });
    const connectionId = await ctx.db.insert("botConnections", {
      workspaceId: workspace._id,
      storyId,
      name: "Demo bot server",
      url: args.url,
      sealedToken: args.sealedToken,
      sealedSigningSecret: args.sealedSigningSecret,
      error: null,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.db.patch("botStories", storyId, demoStory(connectionId));
    if (args.active) await setActiveStory(ctx.db, workspace._id, storyId);
    return null;
  },
});

/** Each demo operator signs up as anyone does: through an invite (see auth.ts), here made by the seed. */
async function createDemoOperators(ctx: ActionCtx): Promise<DemoOperator[]> {
  const operators: DemoOperator[] = [];
  for (const operator of DEMO_OPERATORS) {
    const inviteToken = toBase64Url(randomBytes(32));
    const password = toBase64Url(randomBytes(12));
    await ctx.runMutation(internal.seed.insertDemoInvite, {
      email: operator.email,
      role: operator.role,
      tokenHash: await sha256Hex(inviteToken),
    });
    await createAccount(ctx as unknown as Parameters<typeof createAccount>[0], {
      provider: "password",
      account: { id: operator.email, secret: password },
      profile: { email: operator.email, name: operator.name, inviteToken },
    });
    operators.push({ email: operator.email, password, role: operator.role });
  }
  return operators;
}

export const insertDemoInvite = internalMutation({
  args: { email: v.string(), role: memberRoleValidator, tokenHash: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const workspace = await ctx.db
      .query("workspaces")
      .withIndex("by_public_id", (q) => q.eq("publicId", DEMO_WORKSPACE_ID))
      .unique();
    if (workspace === null) throw new Error("The demo workspace must exist before its operators");
    const now = Date.now();
    await ctx.db.insert("invites", { workspaceId: workspace._id, ...args, createdAt: now, expiresAt: now + 60_000 });
    return null;
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
    // The studio's "Pick on site" and "Preview" open the demo site.
    await ctx.db.patch("workspaces", workspaceId, { websiteUrl: `${demoSiteUrl()}/` });
    await ensureDefault(ctx.db, (await ctx.db.get("workspaces", workspaceId))!);
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

/**
 * Adds `count` (at most 200 a call, to stay well inside a transaction's write limits)
 * conversations to the demo workspace, numbered from `from`: the busy inbox the bench
 * measures the inbox against (bench/backend.ts).
 */
export const busyInbox = internalMutation({
  args: { from: v.number(), count: v.number() },
  handler: async (ctx, args): Promise<number> => {
    if (!Number.isInteger(args.count) || args.count < 1 || args.count > 200) throw new Error("count must be 1 to 200");
    const workspace = await ctx.db
      .query("workspaces")
      .withIndex("by_public_id", (q) => q.eq("publicId", DEMO_WORKSPACE_ID))
      .unique();
    if (workspace === null) throw new Error("Seed the demo workspace first (seed:demo)");
    return await insertBusyInbox(ctx.db, workspace._id, args.from, args.count, Date.now());
  },
});
