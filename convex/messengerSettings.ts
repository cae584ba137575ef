import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, internalQuery, mutation, query, type DatabaseReader, type DatabaseWriter } from "./_generated/server";
import { appendAudit } from "./audit";
import { auditActorValidator, changedFields } from "./lib/auditEntries";
import { appError } from "./lib/errors";
import { parseMessengerPatch } from "./lib/messengerPatch";
import { publicMessengerExtras } from "./lib/messengerSettings";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";
import { effectiveOf, ensureDefault, findDefault, legacyDefault } from "./model/widgetConfigs";
import { updateConfiguration } from "./model/widgetConfigWrites";
import type { EffectiveConfiguration } from "../core/theme/configuration";
import { homeCardValidator, officeHoursValidator, replyTimeValidator, themeValidator } from "./lib/messengerValidators";
import { launcherPositionValidator, messengerTabValidator } from "./lib/validators";

/*
 * The workspace's messenger settings for operators: the REST API
 * (/api/v1/workspace/messenger, validated in rest/messengerSettings.ts) and the
 * inbox's Settings (admins only, validated here with the same rules). null
 * clears an optional setting. The colour and the launcher's side live in the
 * workspace's default widget configuration (the one source of theme and layout):
 * they are read from it and written through to it; the inbox edits them on its
 * Theme page.
 */

type Messenger = Doc<"workspaces">["messenger"];
export type ApiMessengerSettings = Pick<Messenger, "primaryColor" | "launcherPosition" | "greeting" | "teamName" | "tabs"> &
  ReturnType<typeof publicMessengerExtras>;

function apiSettings(messenger: Messenger, configuration: EffectiveConfiguration): ApiMessengerSettings {
  return {
    primaryColor: configuration.theme.primaryColor,
    launcherPosition: configuration.layout.position === "bottom-left" ? "left" : "right",
    ...lookFreeSettings(messenger),
  };
}

/** Everything but the look, which the widget configuration owns. */
function lookFreeSettings(messenger: Messenger): Omit<ApiMessengerSettings, "primaryColor" | "launcherPosition"> {
  return {
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
    return apiSettings(await applyChanges(ctx.db, workspace, changes), await defaultLook(ctx.db, workspace));
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
  const { theme: _theme, ...rest } = lookFreeSettings(messenger);
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
