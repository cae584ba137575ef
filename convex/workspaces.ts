import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { appError } from "./lib/errors";
import { MAX_SESSION_LIFETIME_HOURS, MIN_SESSION_LIFETIME_HOURS } from "./lib/sessionPolicy";
import { identityModeValidator, launcherPositionValidator, messengerTabValidator } from "./lib/validators";
import { workspaceDocument } from "./lib/workspaceSettings";
import { findWorkspace } from "./model/workspaces";
import { ensureDefault } from "./model/widgetConfigs";

/**
 * Creates a workspace with default messenger settings for anything not given.
 * Internal: workspaces are provisioned by operators, scripts and tests.
 */
export const create = internalMutation({
  args: {
    publicId: v.string(),
    name: v.string(),
    allowedOrigins: v.array(v.string()),
    identitySecret: v.optional(v.string()),
    /** @default "optional" */
    identityVerificationMode: v.optional(identityModeValidator),
    sessionLifetimeHours: v.optional(v.number()),
    messenger: v.optional(
      v.object({
        primaryColor: v.optional(v.string()),
        launcherPosition: v.optional(launcherPositionValidator),
        greeting: v.optional(v.string()),
        teamName: v.optional(v.string()),
        tabs: v.optional(v.array(messengerTabValidator)),
      }),
    ),
  },
  handler: async (ctx, args): Promise<Id<"workspaces">> => {
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(args.publicId)) {
      throw appError("INVALID_ARGUMENT", "publicId must be lowercase letters, digits, - or _.", "publicId");
    }
    const hours = args.sessionLifetimeHours;
    if (hours !== undefined && !(hours >= MIN_SESSION_LIFETIME_HOURS && hours <= MAX_SESSION_LIFETIME_HOURS)) {
      throw appError("INVALID_ARGUMENT", "sessionLifetimeHours must be 1 to 168.", "sessionLifetimeHours");
    }
    if ((await findWorkspace(ctx.db, args.publicId)) !== null) {
      throw appError("CONFLICT", `A workspace with publicId ${args.publicId} exists.`, "publicId");
    }
    const id = await ctx.db.insert("workspaces", workspaceDocument(args));
    // Its default widget configuration, from the messenger colour and side given here.
    await ensureDefault(ctx.db, (await ctx.db.get("workspaces", id))!);
    return id;
  },
});
