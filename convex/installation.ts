import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, internalMutation, mutation, query } from "./_generated/server";
import { randomBytes, sha256Hex, toBase64Url } from "./lib/crypto";
import { appError, invalidArgument } from "./lib/errors";
import {
  canVerify,
  cleanClientIdentifier,
  INSTALL_TOKEN_LIFETIME_MS,
  INSTALL_TOKEN_PREFIX,
  websiteUrlProblem,
} from "./lib/installationRules";
import { requireMember } from "./model/members";
import { findWorkspace } from "./model/workspaces";

/*
 * The install check of the inbox's Widget installation page. An admin issues an
 * onboarding verification token (only its hash is stored, and it lives an hour);
 * the first widget that boots with it on its script tag, from an allowed origin,
 * marks the check verified with its origin and client identifier. The page
 * watches `status` live, so it turns green as soon as that widget boots.
 */

export type IssuedInstallToken = { token: string; expiresAt: number };

/** Admins only. An action, because the token needs true randomness. */
export const issueToken = action({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<IssuedInstallToken> => {
    const token = INSTALL_TOKEN_PREFIX + toBase64Url(randomBytes(24));
    const expiresAt = await ctx.runMutation(internal.installation.storeToken, { workspaceId: args.workspaceId, tokenHash: await sha256Hex(token) });
    return { token, expiresAt };
  },
});

/** Runs with the caller's identity (actions pass it on), so the admin check is the caller's. */
export const storeToken = internalMutation({
  args: { workspaceId: v.string(), tokenHash: v.string() },
  handler: async (ctx, args): Promise<number> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const now = Date.now();
    const expiresAt = now + INSTALL_TOKEN_LIFETIME_MS;
    await ctx.db.insert("installationChecks", { workspaceId: access.workspaceId, tokenHash: args.tokenHash, issuedBy: access.userId, issuedAt: now, expiresAt });
    return expiresAt;
  },
});

export type InstallationStatus = {
  /** What the snippets put in `data-opencom-workspace-id`. */
  publicId: string;
  /** The site the Engagement studio's "Pick on site" and "Preview" open; null until set. */
  websiteUrl: string | null;
  /** The latest check, or null before the first token. */
  check: { issuedAt: number; expiresAt: number; verifiedAt: number | null; origin: string | null; clientIdentifier: string | null } | null;
  /** The last check that a widget verified, which may be older than `check`. */
  lastVerified: { verifiedAt: number; origin: string | null; clientIdentifier: string | null } | null;
};

/** Admins only; live, so the page sees the widget's boot without reloading. */
export const status = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<InstallationStatus> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const workspace = await ctx.db.get("workspaces", workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    const recent = await ctx.db
      .query("installationChecks")
      .withIndex("by_workspace_issued", (q) => q.eq("workspaceId", workspaceId))
      .order("desc")
      .take(20);
    const latest = recent[0];
    const verified = recent.find((check) => check.verifiedAt !== undefined);
    return {
      publicId: workspace.publicId,
      websiteUrl: workspace.websiteUrl ?? null,
      check:
        latest === undefined
          ? null
          : {
              issuedAt: latest.issuedAt,
              expiresAt: latest.expiresAt,
              verifiedAt: latest.verifiedAt ?? null,
              origin: latest.origin ?? null,
              clientIdentifier: latest.clientIdentifier ?? null,
            },
      lastVerified:
        verified?.verifiedAt === undefined
          ? null
          : { verifiedAt: verified.verifiedAt, origin: verified.origin ?? null, clientIdentifier: verified.clientIdentifier ?? null },
    };
  },
});

/**
 * Called by boot once the session is started (so the origin was allowed). An unknown,
 * expired, used or other workspace's token changes nothing and fails nothing: the widget
 * must boot whatever its tag says.
 */
export const recordBoot = internalMutation({
  args: { workspaceId: v.string(), tokenHash: v.string(), origin: v.optional(v.string()), clientIdentifier: v.optional(v.string()) },
  handler: async (ctx, args): Promise<boolean> => {
    const check = await ctx.db
      .query("installationChecks")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", args.tokenHash))
      .unique();
    const now = Date.now();
    if (check === null || !canVerify(check, now)) return false;
    const workspace = await findWorkspace(ctx.db, args.workspaceId);
    if (workspace === null || workspace._id !== check.workspaceId) return false;
    const clientIdentifier = cleanClientIdentifier(args.clientIdentifier);
    await ctx.db.patch("installationChecks", check._id, {
      verifiedAt: now,
      ...(args.origin !== undefined ? { origin: args.origin } : {}),
      ...(clientIdentifier !== undefined ? { clientIdentifier } : {}),
    });
    return true;
  },
});

/** Admins only. Sets (or, with an empty string, clears) the workspace's website address. */
export const setWebsiteUrl = mutation({
  args: { workspaceId: v.string(), websiteUrl: v.string() },
  handler: async (ctx, args): Promise<string | null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const websiteUrl = args.websiteUrl.trim();
    const problem = websiteUrl === "" ? null : websiteUrlProblem(websiteUrl);
    if (problem !== null) throw invalidArgument("websiteUrl", problem);
    if ((await ctx.db.get("workspaces", workspaceId)) === null) throw appError("NOT_FOUND", "Workspace not found.");
    await ctx.db.patch("workspaces", workspaceId, { websiteUrl: websiteUrl === "" ? undefined : websiteUrl });
    return websiteUrl === "" ? null : websiteUrl;
  },
});
