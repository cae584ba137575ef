import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalMutation, mutation } from "./_generated/server";
import { generateSessionToken, sha256Hex } from "./lib/crypto";
import { appError } from "./lib/errors";
import { checkAttributes, checkClientId, checkDevice, checkUrl, checkUserFields } from "./lib/inputRules";
import { resolveIdentity } from "./lib/identity";
import { identityPolicy } from "./lib/identitySecrets";
import { isOriginAllowed } from "./lib/origins";
import { rotatedRevocationTime, sessionLifetimeMs, shouldRotate, tokenExpiry } from "./lib/sessionPolicy";
import { deviceValidator, userInputValidator } from "./lib/validators";
import type { PublicMessengerSettings } from "./lib/workspaceSettings";
import { publicMessengerSettings } from "./lib/workspaceSettings";
import { effectiveForWidget } from "./model/widgetConfigs";
import { authenticateSession, findSessionByToken, issueSession, revokeVisitorSessions } from "./model/sessions";
import { upsertVisitorOnBoot } from "./model/visitors";
import { linkVisitorCompany } from "./model/companies";
import { findWorkspace } from "./model/workspaces";
import { teamFaces } from "./model/teamProfiles";
import type { TeamFace } from "./lib/teamFaces";
import { enforceAddressLimit, enforceRateLimit } from "./model/rateLimits";

/*
 * Widget sessions. Tokens need true randomness, which Convex only offers in
 * actions, so the public entry points are actions that mint the token and hand
 * only its SHA-256 to an internal mutation.
 */

const bootArgs = {
  /** Public id ("demo") or document id. */
  workspaceId: v.string(),
  /** The widget's persistent per-browser id. */
  sessionId: v.string(),
  origin: v.optional(v.string()),
  user: v.optional(userInputValidator),
  device: v.optional(deviceValidator),
  referrer: v.optional(v.string()),
  url: v.optional(v.string()),
};

export type BootResult = {
  sessionToken: string;
  expiresAt: number;
  visitorId: Id<"visitors">;
  /** `team`: up to three operators (names and avatar URLs only) for the messenger's Home. */
  settings: PublicMessengerSettings & { team: TeamFace[] };
};

export const boot = action({
  args: {
    ...bootArgs,
    /** The install check's token from the tag (`data-opencom-onboarding-verification-token`): see installation.ts. */
    onboardingVerificationToken: v.optional(v.string()),
    /** The tag's `data-opencom-client-identifier`: a label the install check shows. */
    clientIdentifier: v.optional(v.string()),
  },
  handler: async (ctx, { onboardingVerificationToken, clientIdentifier, ...args }): Promise<BootResult> => {
    checkClientId(args.workspaceId, "workspaceId");
    checkClientId(args.sessionId, "sessionId");
    // Counted here, in the action, so that refused boots (bad origin, forged hash) count too.
    await enforceRateLimit(ctx, "widgetBoot", `${args.workspaceId}:${args.sessionId}`);
    await enforceAddressLimit(ctx, "bootsPerAddress");
    const sessionToken = generateSessionToken();
    const tokenHash = await sha256Hex(sessionToken);
    const started = await ctx.runMutation(internal.widgetSessions.start, { ...args, tokenHash });
    // Only a boot that passed the workspace and origin checks can verify an installation.
    if (onboardingVerificationToken !== undefined && onboardingVerificationToken.length <= 200) {
      await ctx.runMutation(internal.installation.recordBoot, {
        workspaceId: args.workspaceId,
        tokenHash: await sha256Hex(onboardingVerificationToken),
        ...(args.origin !== undefined ? { origin: args.origin } : {}),
        ...(clientIdentifier !== undefined ? { clientIdentifier } : {}),
      });
    }
    return { sessionToken, ...started };
  },
});

/**
 * Boot's transaction: workspace and origin checks, identity verification,
 * visitor upsert (see model/visitors.ts for which visitor), session insert.
 */
export const start = internalMutation({
  args: { ...bootArgs, tokenHash: v.string() },
  handler: async (ctx, args): Promise<Omit<BootResult, "sessionToken">> => {
    const now = Date.now();
    const workspace = await findWorkspace(ctx.db, args.workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Unknown workspace.", "workspaceId");
    if (args.origin !== undefined && !isOriginAllowed(args.origin, workspace.allowedOrigins)) {
      throw appError("ORIGIN_NOT_ALLOWED", `Origin ${args.origin} may not load this workspace's widget.`, "origin");
    }
    checkClientId(args.sessionId, "sessionId");
    checkUrl(args.url, "url");
    checkUrl(args.referrer, "referrer");
    checkDevice(args.device);
    if (args.user) {
      checkUserFields(args.user);
      checkAttributes(args.user.customAttributes, "user.customAttributes");
    }
    const claims = args.user ? await resolveIdentity(args.user, identityPolicy(workspace, now), now) : undefined;
    const visitor = await upsertVisitorOnBoot(
      ctx.db,
      workspace,
      {
        sessionId: args.sessionId,
        ...(args.device ? { device: args.device } : {}),
        ...(args.referrer !== undefined ? { referrer: args.referrer } : {}),
        ...(args.url !== undefined ? { url: args.url } : {}),
        ...(claims ? { claims } : {}),
      },
      now,
      // Fresh sessionIds are free to make up: new visitors are counted per address.
      { beforeInsert: () => enforceAddressLimit(ctx, "newVisitorsPerAddress") },
    );
    if (claims?.company !== undefined) await linkVisitorCompany(ctx.db, visitor, claims.company, now);
    const session = await issueSession(ctx.db, {
      workspace,
      visitorId: visitor._id,
      tokenHash: args.tokenHash,
      now,
      proven: claims?.verified === true,
    });
    const settings = publicMessengerSettings(workspace, (await effectiveForWidget(ctx.db, workspace, undefined)).configuration);
    return { expiresAt: session.expiresAt, visitorId: visitor._id, settings: { ...settings, team: await teamFaces(ctx.db, workspace._id) } };
  },
});

export type RefreshResult = { sessionToken: string; expiresAt: number };

export const refresh = action({
  args: { sessionToken: v.string() },
  handler: async (ctx, { sessionToken }): Promise<RefreshResult> => {
    const replacementToken = generateSessionToken();
    const outcome = await ctx.runMutation(internal.widgetSessions.rotate, {
      sessionToken,
      replacementTokenHash: await sha256Hex(replacementToken),
    });
    return outcome.rotated
      ? { sessionToken: replacementToken, expiresAt: outcome.expiresAt }
      : { sessionToken, expiresAt: outcome.expiresAt };
  },
});

/**
 * Swaps a session for a fresh one once less than a quarter of its lifetime is
 * left; before that, keeps it. The old token keeps working for a short grace
 * period (see ROTATION_GRACE_MS) so live subscriptions don't fail mid-swap.
 */
export const rotate = internalMutation({
  args: { sessionToken: v.string(), replacementTokenHash: v.string() },
  handler: async (ctx, args): Promise<{ rotated: boolean; expiresAt: number }> => {
    const now = Date.now();
    const { session, workspace } = await authenticateSession(ctx.db, args.sessionToken, now);
    if (!shouldRotate(session, now)) return { rotated: false, expiresAt: session.expiresAt };
    // Past the absolute lifetime nothing extends the session: keep the token until it ends.
    const lifetime = sessionLifetimeMs(workspace);
    if (tokenExpiry(session.startedAt ?? session.issuedAt, lifetime, now) <= session.expiresAt) {
      return { rotated: false, expiresAt: session.expiresAt };
    }
    const replacement = await issueSession(ctx.db, {
      workspace,
      visitorId: session.visitorId,
      tokenHash: args.replacementTokenHash,
      now,
      continues: session,
    });
    await ctx.db.patch("widgetSessions", session._id, { revokedAt: rotatedRevocationTime(session, now) });
    return { rotated: true, expiresAt: replacement.expiresAt };
  },
});

/** Ends every session of a visitor at once (admin action, shutdown, tests). */
export const revokeForVisitor = internalMutation({
  args: { visitorId: v.id("visitors") },
  handler: async (ctx, { visitorId }): Promise<number> => revokeVisitorSessions(ctx.db, visitorId, Date.now()),
});

export type LogoutResult = { revokedSessions: number };

/**
 * Logout isolation: revokes this session and every other session of its
 * visitor, so nothing signed in as this user survives in any tab or browser.
 * The widget calls it on destroy() and before switching users, then boots a
 * fresh anonymous visitor under a new sessionId. Idempotent and never fails:
 * an unknown token revokes nothing. An expired or revoked (but known) token
 * still revokes the visitor's other sessions, because a tab that slept past
 * its token's expiry must still be able to log its user out everywhere.
 */
export const logout = mutation({
  args: { sessionToken: v.string() },
  handler: async (ctx, { sessionToken }): Promise<LogoutResult> => {
    const session = await findSessionByToken(ctx.db, sessionToken);
    if (session === null) return { revokedSessions: 0 };
    return { revokedSessions: await revokeVisitorSessions(ctx.db, session.visitorId, Date.now()) };
  },
});

/** Expired sessions are kept this long (for support questions), then deleted. */
export const EXPIRED_SESSION_RETENTION_MS = 24 * 3_600_000;
const PURGE_BATCH = 500;

/**
 * Deletes sessions that expired over a day ago, a batch at a time (every boot
 * adds a row, so the table would otherwise only grow). Run by crons.ts; it
 * reschedules itself while a full batch was found.
 */
export const purgeExpired = internalMutation({
  args: {},
  handler: async (ctx): Promise<number> => {
    const cutoff = Date.now() - EXPIRED_SESSION_RETENTION_MS;
    const stale = await ctx.db
      .query("widgetSessions")
      .withIndex("by_expires_at", (q) => q.lt("expiresAt", cutoff))
      .take(PURGE_BATCH);
    for (const session of stale) await ctx.db.delete("widgetSessions", session._id);
    if (stale.length === PURGE_BATCH) await ctx.scheduler.runAfter(0, internal.widgetSessions.purgeExpired, {});
    return stale.length;
  },
});
