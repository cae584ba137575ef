import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { generateIdentitySecret } from "./lib/crypto";
import { appError } from "./lib/errors";
import {
  DEFAULT_ROTATION_GRACE_HOURS,
  identityMode,
  MAX_ROTATION_GRACE_HOURS,
  rotatedSecretFields,
} from "./lib/identitySecrets";
import { isOriginAllowed } from "./lib/origins";
import { cutoffsAfterRotation } from "./lib/sessionPolicy";
import { checkSecurityPatch, securitySettingsView, type SecuritySettingsView } from "./lib/securitySettings";
import { identityModeValidator } from "./lib/validators";
import { auditActorValidator, changedFields, SYSTEM_ACTOR } from "./lib/auditEntries";
import { appendAudit } from "./audit";

/*
 * A workspace's security settings: identity-verification mode and secret,
 * allowed origins, session lifetime. Internal only; the admin REST API
 * (rest/security.ts) is the public door.
 */

export const get = internalQuery({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, { workspaceId }): Promise<SecuritySettingsView> => {
    const workspace = await ctx.db.get("workspaces", workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    return securitySettingsView(workspace, Date.now());
  },
});

export const update = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    identityVerificationMode: v.optional(identityModeValidator),
    jwtMaxAgeSeconds: v.optional(v.number()),
    allowedOrigins: v.optional(v.array(v.string())),
    sessionLifetimeHours: v.optional(v.number()),
    /** Who asks, for the audit log (default: system). */
    actor: v.optional(auditActorValidator),
  },
  handler: async (ctx, { workspaceId, actor, ...patch }): Promise<SecuritySettingsView> => {
    const workspace = await ctx.db.get("workspaces", workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    const checked = checkSecurityPatch(patch);
    await ctx.db.patch("workspaces", workspaceId, {
      ...(checked.identityVerificationMode !== undefined || checked.jwtMaxAgeSeconds !== undefined
        ? {
            identityVerification: {
              ...workspace.identityVerification,
              mode: checked.identityVerificationMode ?? identityMode(workspace),
              ...(checked.jwtMaxAgeSeconds !== undefined ? { jwtMaxAgeSeconds: checked.jwtMaxAgeSeconds } : {}),
            },
          }
        : {}),
      ...(checked.allowedOrigins !== undefined ? { allowedOrigins: checked.allowedOrigins } : {}),
      ...(checked.sessionLifetimeHours !== undefined ? { sessionLifetimeHours: checked.sessionLifetimeHours } : {}),
    });
    const updated = await ctx.db.get("workspaces", workspaceId);
    if (updated === null) throw new Error("Workspace vanished during update");
    const now = Date.now();
    const after = securitySettingsView(updated, now);
    const changes = changedFields(auditedSettings(securitySettingsView(workspace, now)), auditedSettings(after));
    if (changes.length > 0) {
      await appendAudit(ctx.db, { workspaceId, action: "security_settings.updated", actor: actor ?? SYSTEM_ACTOR, changes });
    }
    return after;
  },
});

/** The settings as audited fields: origins and each identity setting on its own line. */
function auditedSettings(view: SecuritySettingsView): Record<string, unknown> {
  return {
    "identityVerification.mode": view.identityVerification.mode,
    "identityVerification.jwtMaxAgeSeconds": view.identityVerification.jwtMaxAgeSeconds,
    allowedOrigins: view.allowedOrigins,
    sessionLifetimeHours: view.sessionLifetimeHours,
  };
}

export type RotatedSecret = { identitySecret: string; previousSecretExpiresAt: number | null };

/**
 * Stores a secret minted by an action (a mutation has no true randomness);
 * the old one stays valid for `gracePeriodHours`.
 */
export const storeRotatedSecret = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    identitySecret: v.string(),
    gracePeriodHours: v.number(),
    actor: v.optional(auditActorValidator),
  },
  handler: async (ctx, args): Promise<{ previousSecretExpiresAt: number | null }> => {
    const grace = args.gracePeriodHours;
    if (!(grace >= 0 && grace <= MAX_ROTATION_GRACE_HOURS)) {
      throw appError("INVALID_ARGUMENT", "gracePeriodHours must be 0 to 168.", "gracePeriodHours");
    }
    if (!/^[0-9a-f]{64}$/.test(args.identitySecret)) throw new Error("identitySecret must be 32 random bytes as hex");
    const workspace = await ctx.db.get("workspaces", args.workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    const now = Date.now();
    const fields = rotatedSecretFields(workspace, args.identitySecret, grace, now);
    // Sessions proven with the old secret end with its grace period (at once for 0).
    const provenSessionCutoffs = cutoffsAfterRotation(workspace.provenSessionCutoffs, grace * 3_600_000, now);
    await ctx.db.patch("workspaces", args.workspaceId, { ...fields, provenSessionCutoffs });
    const previousSecretExpiresAt = fields.previousSecretExpiresAt ?? null;
    await appendAudit(ctx.db, {
      workspaceId: args.workspaceId,
      action: "identity_secret.rotated",
      actor: args.actor ?? SYSTEM_ACTOR,
      target: { type: "workspace", id: args.workspaceId },
      details: { gracePeriodHours: grace, previousSecretExpiresAt },
    });
    return { previousSecretExpiresAt };
  },
});

/** Mints and stores a new identity secret; the only time it is visible (scripts, REST). */
export const rotateSecret = internalAction({
  args: { workspaceId: v.id("workspaces"), gracePeriodHours: v.optional(v.number()) },
  handler: async (ctx, args): Promise<RotatedSecret> => {
    const identitySecret = generateIdentitySecret();
    const stored = await ctx.runMutation(internal.workspaceSecurity.storeRotatedSecret, {
      workspaceId: args.workspaceId,
      identitySecret,
      gracePeriodHours: args.gracePeriodHours ?? DEFAULT_ROTATION_GRACE_HOURS,
    });
    return { identitySecret, ...stored };
  },
});

/**
 * CORS preflight for the admin API: whether any workspace allows `origin`. A
 * preflight carries no API key, so it cannot be narrowed to one workspace; the
 * real request is then answered with CORS headers only for its own workspace.
 */
export const originAllowedByAnyWorkspace = internalQuery({
  args: { origin: v.string() },
  handler: async (ctx, { origin }): Promise<boolean> => {
    for await (const workspace of ctx.db.query("workspaces")) {
      if (isOriginAllowed(origin, workspace.allowedOrigins)) return true;
    }
    return false;
  },
});
