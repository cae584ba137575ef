import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, internalQuery, mutation, query, type DatabaseWriter } from "./_generated/server";
import { appendAudit } from "./audit";
import { changedFields } from "./lib/auditEntries";
import { appError } from "./lib/errors";
import { parseMessengerPatch } from "./lib/messengerPatch";
import { publicMessengerExtras } from "./lib/messengerSettings";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";
import { homeCardValidator, officeHoursValidator, replyTimeValidator, themeValidator } from "./lib/messengerValidators";
import { launcherPositionValidator, messengerTabValidator } from "./lib/validators";

/*
 * The workspace's messenger settings for operators: the REST API
 * (/api/v1/workspace/messenger, validated in rest/messengerSettings.ts) and the
 * inbox's Settings (admins only, validated here with the same rules). null
 * clears an optional setting.
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
    return apiSettings(await applyChanges(ctx.db, workspace, changes));
  },
});

async function applyChanges(db: DatabaseWriter, workspace: Doc<"workspaces">, changes: Record<string, unknown>): Promise<Messenger> {
  const messenger: Messenger = { ...workspace.messenger };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete messenger[key as keyof Messenger];
    else if (value !== undefined) Object.assign(messenger, { [key]: value });
  }
  await db.patch(workspace._id, { messenger });
  return messenger;
}

/** The settings the inbox edits (the look belongs to the widget configuration's theme). */
export type InboxMessengerSettings = Omit<ApiMessengerSettings, "primaryColor" | "launcherPosition" | "theme">;

function inboxSettings(messenger: Messenger): InboxMessengerSettings {
  const { primaryColor: _colour, launcherPosition: _position, theme: _theme, ...rest } = apiSettings(messenger);
  return rest;
}

/** Admins only: the page that shows these changes them. */
export const inboxGet = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<InboxMessengerSettings> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const workspace = await ctx.db.get(workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    return inboxSettings(workspace.messenger);
  },
});

/** Any subset; refused with INVALID_ARGUMENT naming the field (`officeHours.intervals.0.close`); audited. */
export const inboxUpdate = mutation({
  args: {
    workspaceId: v.string(),
    greeting: v.optional(v.string()),
    teamName: v.optional(v.string()),
    tabs: v.optional(v.array(messengerTabValidator)),
    officeHours: clearable(officeHoursValidator),
    replyTime: v.optional(replyTimeValidator),
    offlineMessage: clearable(v.string()),
    homeCards: v.optional(v.array(homeCardValidator)),
    defaultTab: clearable(v.string()),
  },
  handler: async (ctx, { workspaceId: rawId, ...patch }): Promise<InboxMessengerSettings> => {
    const access = await requireMember(ctx, rawId, "admin");
    const workspace = await ctx.db.get(access.workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    const checked = parseMessengerPatch(patch);
    const before = inboxSettings(workspace.messenger);
    const after = inboxSettings(await applyChanges(ctx.db, workspace, checked));
    const changes = changedFields(before, after);
    if (changes.length > 0) {
      await appendAudit(ctx.db, { workspaceId: access.workspaceId, action: "messenger_settings.updated", actor: await operatorActor(ctx.db, access), changes });
    }
    return after;
  },
});
