import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader } from "./_generated/server";
import { publicMessengerExtras } from "./lib/messengerSettings";
import { homeCardValidator, officeHoursValidator, replyTimeValidator, themeValidator } from "./lib/messengerValidators";
import { launcherPositionValidator, messengerTabValidator } from "./lib/validators";
import { auditActorValidator } from "./lib/auditEntries";
import { appError } from "./lib/errors";
import { effectiveOf, ensureDefault, findDefault, legacyDefault } from "./model/widgetConfigs";
import { updateConfiguration } from "./model/widgetConfigWrites";
import type { EffectiveConfiguration } from "../core/theme/configuration";

/*
 * The workspace's messenger settings for operators (REST
 * /api/v1/workspace/messenger). rest/messengerSettings.ts validates and names
 * bad fields; null clears an optional setting. The colour and the launcher's
 * side live in the workspace's default widget configuration (the one source
 * of theme and layout): they are read from it and written through to it.
 */

type Messenger = Doc<"workspaces">["messenger"];
export type ApiMessengerSettings = Pick<Messenger, "primaryColor" | "launcherPosition" | "greeting" | "teamName" | "tabs"> &
  ReturnType<typeof publicMessengerExtras>;

function apiSettings(messenger: Messenger, configuration: EffectiveConfiguration): ApiMessengerSettings {
  return {
    primaryColor: configuration.theme.primaryColor,
    launcherPosition: configuration.layout.position === "bottom-left" ? "left" : "right",
    greeting: messenger.greeting,
    teamName: messenger.teamName,
    tabs: messenger.tabs.map(({ id, enabled, visibleTo }) => ({ id, enabled, visibleTo })),
    ...publicMessengerExtras(messenger),
  };
}

/** The default configuration's values as stored (not hex-converted), or the legacy ones. */
async function defaultLook(db: DatabaseReader, workspace: Doc<"workspaces">): Promise<EffectiveConfiguration> {
  const stored = await findDefault(db, workspace._id);
  return stored === null ? legacyDefault(workspace) : await effectiveOf(db, stored);
}

export const adminGet = internalQuery({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<ApiMessengerSettings | null> => {
    const workspace = await ctx.db.get(args.workspaceId);
    if (workspace === null) return null;
    return apiSettings(workspace.messenger, await defaultLook(ctx.db, workspace));
  },
});

const clearable = <T extends Parameters<typeof v.union>[0]>(validator: T) => v.optional(v.union(validator, v.null()));

export const adminUpdate = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    /** Who changes it, for the default configuration's audit entry and lastModifiedBy. */
    actor: auditActorValidator,
    modifiedBy: v.string(),
    primaryColor: v.optional(v.string()),
    launcherPosition: v.optional(launcherPositionValidator),
    greeting: v.optional(v.string()),
    teamName: v.optional(v.string()),
    tabs: v.optional(v.array(messengerTabValidator)),
    theme: v.optional(themeValidator),
    officeHours: clearable(officeHoursValidator),
    replyTime: v.optional(replyTimeValidator),
    offlineMessage: clearable(v.string()),
    homeCards: v.optional(v.array(homeCardValidator)),
    defaultTab: clearable(v.string()),
  },
  handler: async (ctx, args): Promise<ApiMessengerSettings | null> => {
    const workspace = await ctx.db.get(args.workspaceId);
    if (workspace === null) return null;
    const { workspaceId: _workspaceId, actor, modifiedBy, primaryColor, launcherPosition, ...changes } = args;
    if (primaryColor !== undefined || launcherPosition !== undefined) {
      const defaultConfiguration = await ensureDefault(ctx.db, workspace);
      const outcome = await updateConfiguration(
        ctx,
        { workspaceId: workspace._id, actor, modifiedBy, startedAt: Date.now() },
        defaultConfiguration._id,
        "*",
        {
          ...(primaryColor !== undefined ? { theme: { primaryColor } } : {}),
          ...(launcherPosition !== undefined ? { layout: { position: launcherPosition === "left" ? "bottom-left" : "bottom-right" } } : {}),
        },
        false,
      );
      if (outcome.kind === "refused") {
        const [field, message] = Object.entries(outcome.fields ?? {})[0] ?? ["primaryColor", outcome.message];
        throw appError("INVALID_ARGUMENT", message, field === "layout.position" ? "launcherPosition" : "primaryColor");
      }
    }
    const messenger: Messenger = { ...workspace.messenger };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete messenger[key as keyof Messenger];
      else if (value !== undefined) Object.assign(messenger, { [key]: value });
    }
    await ctx.db.patch(workspace._id, { messenger });
    return apiSettings(messenger, await defaultLook(ctx.db, workspace));
  },
});
