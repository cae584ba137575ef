import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalAction, internalMutation, internalQuery, mutation, query, type DatabaseWriter } from "./_generated/server";
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
import {
  checkSecurityPatch,
  securitySettingsView,
  type SecuritySettingsPatch,
  type SecuritySettingsView,
} from "./lib/securitySettings";
import { identityModeValidator } from "./lib/validators";
import { auditActorValidator, changedFields, SYSTEM_ACTOR, type AuditActor } from "./lib/auditEntries";
import { appendAudit } from "./audit";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";

/*
 * A workspace's security settings: identity-verification mode and secret,
 * allowed origins, session lifetime. Two doors: the admin REST API
 * (rest/security.ts, through the internal functions) and the inbox's Settings
 * (the inbox* functions, admins only). Both write the audit log.
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
  handler: async (ctx, { workspaceId, actor, ...patch }): Promise<SecuritySettingsView> =>
    await updateSettings(ctx.db, workspaceId, patch, actor ?? SYSTEM_ACTOR),
});

async function updateSettings(
  db: DatabaseWriter,
  workspaceId: Id<"workspaces">,
  patch: SecuritySettingsPatch,
  actor: AuditActor,
): Promise<SecuritySettingsView> {
  const workspace = await db.get("workspaces", workspaceId);
  if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
  const checked = checkSecurityPatch(patch);
  await db.patch("workspaces", workspaceId, {
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
  const updated = await db.get("workspaces", workspaceId);
  if (updated === null) throw new Error("Workspace vanished during update");
  const now = Date.now();
  const after = securitySettingsView(updated, now);
  const changes = changedFields(auditedSettings(securitySettingsView(workspace, now)), auditedSettings(after));
  if (changes.length > 0) {
    await appendAudit(db, { workspaceId, action: "security_settings.updated", actor, changes });
  }
  return after;
}

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
  handler: async (ctx, { actor, ...args }): Promise<{ previousSecretExpiresAt: number | null }> =>
    await storeSecret(ctx.db, args, actor ?? SYSTEM_ACTOR),
});

async function storeSecret(
  db: DatabaseWriter,
  args: { workspaceId: Id<"workspaces">; identitySecret: string; gracePeriodHours: number },
  actor: AuditActor,
): Promise<{ previousSecretExpiresAt: number | null }> {
  const grace = args.gracePeriodHours;
  if (!(grace >= 0 && grace <= MAX_ROTATION_GRACE_HOURS)) {
    throw appError("INVALID_ARGUMENT", "gracePeriodHours must be 0 to 168.", "gracePeriodHours");
  }
  if (!/^[0-9a-f]{64}$/.test(args.identitySecret)) throw new Error("identitySecret must be 32 random bytes as hex");
  const workspace = await db.get("workspaces", args.workspaceId);
  if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
  const now = Date.now();
  const fields = rotatedSecretFields(workspace, args.identitySecret, grace, now);
  // Sessions proven with the old secret end with its grace period (at once for 0).
  const provenSessionCutoffs = cutoffsAfterRotation(workspace.provenSessionCutoffs, grace * 3_600_000, now);
  await db.patch("workspaces", args.workspaceId, { ...fields, provenSessionCutoffs });
  const previousSecretExpiresAt = fields.previousSecretExpiresAt ?? null;
  await appendAudit(db, {
    workspaceId: args.workspaceId,
    action: "identity_secret.rotated",
    actor,
    target: { type: "workspace", id: args.workspaceId },
    details: { gracePeriodHours: grace, previousSecretExpiresAt },
  });
  return { previousSecretExpiresAt };
}

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

export type InboxSecuritySettings = SecuritySettingsView & { hasIdentitySecret: boolean };

/** Admins only. Never the secret itself: the inbox shows it once, when it is rotated. */
export const inboxGet = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<InboxSecuritySettings> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const workspace = await ctx.db.get("workspaces", workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    return { ...securitySettingsView(workspace, Date.now()), hasIdentitySecret: workspace.identitySecret !== undefined };
  },
});

/** Admins only; a bad origin is refused as INVALID_ARGUMENT on `allowedOrigins.<index>`. */
export const inboxUpdate = mutation({
  args: {
    workspaceId: v.string(),
    identityVerificationMode: v.optional(identityModeValidator),
    jwtMaxAgeSeconds: v.optional(v.number()),
    allowedOrigins: v.optional(v.array(v.string())),
    sessionLifetimeHours: v.optional(v.number()),
  },
  handler: async (ctx, { workspaceId, ...patch }): Promise<SecuritySettingsView> => {
    const access = await requireMember(ctx, workspaceId, "admin");
    return await updateSettings(ctx.db, access.workspaceId, patch, await operatorActor(ctx.db, access));
  },
});

/** Admins only. The answer holds the new secret: the only time anyone sees it. */
export const inboxRotateSecret = action({
  args: { workspaceId: v.string(), gracePeriodHours: v.number() },
  handler: async (ctx, args): Promise<RotatedSecret> => {
    const identitySecret = generateIdentitySecret();
    const stored = await ctx.runMutation(internal.workspaceSecurity.storeRotatedSecretForMember, { ...args, identitySecret });
    return { identitySecret, ...stored };
  },
});

/** Runs with the caller's identity (actions pass it on), so the admin check is the caller's. */
export const storeRotatedSecretForMember = internalMutation({
  args: { workspaceId: v.string(), identitySecret: v.string(), gracePeriodHours: v.number() },
  handler: async (ctx, args): Promise<{ previousSecretExpiresAt: number | null }> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    return await storeSecret(
      ctx.db,
      { workspaceId: access.workspaceId, identitySecret: args.identitySecret, gracePeriodHours: args.gracePeriodHours },
      await operatorActor(ctx.db, access),
    );
  },
});
