import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { appendAudit } from "./audit";
import { changedFields } from "./lib/auditEntries";
import { checkCsatSettings, type CsatSettings } from "./lib/csatSettings";
import { csatSettingsOf } from "./model/csatSettings";
import { requireMember } from "./model/members";
import { operatorActor } from "./model/operatorActor";

/*
 * The Engagement section's CSAT tab (admins): whether visitors are asked to rate
 * a closed conversation, in which words, and for how long after it closed.
 * The widget reads them through csat:getPending.
 */

export const get = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<CsatSettings> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    return await csatSettingsOf(ctx.db, workspaceId);
  },
});

export const update = mutation({
  args: {
    workspaceId: v.string(),
    enabled: v.boolean(),
    question: v.string(),
    commentPrompt: v.string(),
    offerForDays: v.number(),
  },
  handler: async (ctx, { workspaceId: rawId, ...input }): Promise<CsatSettings> => {
    const access = await requireMember(ctx, rawId, "admin");
    const settings = checkCsatSettings(input);
    const before = await csatSettingsOf(ctx.db, access.workspaceId);
    const row = await ctx.db
      .query("csatSettings")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", access.workspaceId))
      .unique();
    const stored = { ...settings, updatedAt: Date.now() };
    if (row === null) await ctx.db.insert("csatSettings", { workspaceId: access.workspaceId, ...stored });
    else await ctx.db.patch("csatSettings", row._id, stored);
    const changes = changedFields(before, settings);
    if (changes.length > 0) {
      const actor = await operatorActor(ctx.db, access);
      await appendAudit(ctx.db, { workspaceId: access.workspaceId, action: "csat_settings.updated", actor, changes });
    }
    return settings;
  },
});
