import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, internalQuery } from "./_generated/server";
import { publicMessengerExtras } from "./lib/messengerSettings";
import { homeCardValidator, officeHoursValidator, replyTimeValidator, themeValidator } from "./lib/messengerValidators";
import { launcherPositionValidator, messengerTabValidator } from "./lib/validators";

/*
 * The workspace's messenger settings for operators (REST
 * /api/v1/workspace/messenger). rest/messengerSettings.ts validates and names
 * bad fields; null clears an optional setting.
 */

type Messenger = Doc<"workspaces">["messenger"];
export type ApiMessengerSettings = Pick<Messenger, "primaryColor" | "launcherPosition" | "greeting" | "teamName" | "tabs"> &
  ReturnType<typeof publicMessengerExtras>;

function apiSettings(messenger: Messenger): ApiMessengerSettings {
  return {
    primaryColor: messenger.primaryColor,
    launcherPosition: messenger.launcherPosition,
    greeting: messenger.greeting,
    teamName: messenger.teamName,
    tabs: messenger.tabs.map(({ id, enabled, visibleTo }) => ({ id, enabled, visibleTo })),
    ...publicMessengerExtras(messenger),
  };
}

export const adminGet = internalQuery({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<ApiMessengerSettings | null> => {
    const workspace = await ctx.db.get(args.workspaceId);
    return workspace === null ? null : apiSettings(workspace.messenger);
  },
});

const clearable = <T extends Parameters<typeof v.union>[0]>(validator: T) => v.optional(v.union(validator, v.null()));

export const adminUpdate = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
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
    const { workspaceId: _workspaceId, ...changes } = args;
    const messenger: Messenger = { ...workspace.messenger };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete messenger[key as keyof Messenger];
      else if (value !== undefined) Object.assign(messenger, { [key]: value });
    }
    await ctx.db.patch(workspace._id, { messenger });
    return apiSettings(messenger);
  },
});
