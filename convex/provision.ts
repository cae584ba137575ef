import { createAccount } from "@convex-dev/auth/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation } from "./_generated/server";
import { insertApiKey } from "./apiKeys";
import { apiKeyDisplayPrefix, generateApiKey, generateIdentitySecret, randomBytes, sha256Hex, toBase64Url, toHex } from "./lib/crypto";
import { appError } from "./lib/errors";
import { defaultOperatorName, normalizeOperatorEmail, OPERATOR_NAME_MAX } from "./lib/operatorRules";
import { checkOrigins, checkWorkspaceName, publicIdFor } from "./lib/provisioning";
import { workspaceDocument } from "./lib/workspaceSettings";
import { findWorkspace } from "./model/workspaces";

/**
 * A real workspace for production: no demo content, the site's own origins, its admin API
 * key and identity secret, and its first admin (a Convex Auth password account and an
 * admin membership). Internal: run with a deploy or admin key (`npm run provision`, or
 * `npx convex run provision:workspace '{…}'`). The answer is the only time the key, the
 * secret and the admin's first password are visible; only the key's hash is kept.
 */
export type ProvisionedWorkspace = {
  workspaceId: string;
  name: string;
  allowedOrigins: string[];
  adminApiKey: string;
  hmacSecret: string;
  /** `password` is null when the email already had an operator account (it keeps its password). */
  admin: { email: string; password: string | null };
};

/** What the operator gives `npm run provision`. */
const provisionArgs = {
  name: v.string(),
  origins: v.array(v.string()),
  adminEmail: v.string(),
  adminName: v.optional(v.string()),
  publicId: v.optional(v.string()),
};

export const workspace = internalAction({
  args: provisionArgs,
  handler: async (ctx, args): Promise<ProvisionedWorkspace> => {
    const adminApiKey = generateApiKey();
    const hmacSecret = generateIdentitySecret();
    const inviteToken = toBase64Url(randomBytes(32));
    const created = await ctx.runMutation(internal.provision.insertWorkspace, {
      ...args,
      publicIdSuffix: toHex(randomBytes(3)),
      apiKeyHash: await sha256Hex(adminApiKey),
      apiKeyPrefix: apiKeyDisplayPrefix(adminApiKey),
      identitySecret: hmacSecret,
      inviteTokenHash: await sha256Hex(inviteToken),
    });
    let password: string | null = null;
    if (!created.adminExists) {
      password = toBase64Url(randomBytes(18));
      // The first admin signs up as every operator does: through an invite (convex/auth.ts).
      await createAccount(ctx as unknown as Parameters<typeof createAccount>[0], {
        provider: "password",
        account: { id: created.adminEmail, secret: password },
        profile: { email: created.adminEmail, name: created.adminName, inviteToken },
      });
    }
    return {
      workspaceId: created.publicId,
      name: created.name,
      allowedOrigins: created.allowedOrigins,
      adminApiKey,
      hmacSecret,
      admin: { email: created.adminEmail, password },
    };
  },
});

/** Checks everything and writes the workspace, its key and the admin's invite (or membership) in one transaction. */
export const insertWorkspace = internalMutation({
  args: {
    ...provisionArgs,
    publicIdSuffix: v.string(),
    apiKeyHash: v.string(),
    apiKeyPrefix: v.string(),
    identitySecret: v.string(),
    inviteTokenHash: v.string(),
  },
  handler: async (ctx, args) => {
    const name = checkWorkspaceName(args.name);
    const allowedOrigins = checkOrigins(args.origins);
    const adminEmail = normalizeOperatorEmail(args.adminEmail);
    const adminName = args.adminName?.trim().slice(0, OPERATOR_NAME_MAX) || defaultOperatorName(adminEmail);
    const publicId = publicIdFor(name, args.publicId, args.publicIdSuffix);
    if ((await findWorkspace(ctx.db, publicId)) !== null) throw appError("CONFLICT", `A workspace with publicId ${publicId} exists.`, "publicId");

    const now = Date.now();
    const workspaceId = await ctx.db.insert(
      "workspaces",
      workspaceDocument({ publicId, name, allowedOrigins, identitySecret: args.identitySecret, identityVerificationMode: "optional" }),
    );
    await insertApiKey(ctx.db, { workspaceId, name: "Admin key (provisioned)", keyHash: args.apiKeyHash, prefix: args.apiKeyPrefix, now });
    const existing = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", adminEmail))
      .first();
    if (existing !== null) {
      await ctx.db.insert("members", { workspaceId, userId: existing._id, role: "admin", name: existing.name ?? adminName, createdAt: now });
    } else {
      await ctx.db.insert("invites", { workspaceId, email: adminEmail, role: "admin", tokenHash: args.inviteTokenHash, createdAt: now, expiresAt: now + 60_000 });
    }
    return { publicId, name, allowedOrigins, adminEmail, adminName, adminExists: existing !== null };
  },
});
