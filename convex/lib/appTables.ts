import { defineTable } from "convex/server";
import { v } from "convex/values";

export const appScreenValidator = v.union(v.literal("CHATS"), v.literal("TICKETS"), v.literal("CONTACTS"));
export const appProtocolValidator = v.union(v.literal("opencom"), v.literal("bm-widget"));

export const appTables = {
  /** Third-party apps the inbox frames on its screens (see docs/apps.md). */
  apps: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    /** The name trimmed and lower-cased: names are unique per workspace regardless of case. */
    nameKey: v.string(),
    url: v.string(),
    /** Exact origins or `https://*.example.com`; the URL's origin is always among them. */
    allowedOrigins: v.array(v.string()),
    screens: v.array(appScreenValidator),
    enabled: v.boolean(),
    protocol: appProtocolValidator,
    updatedAt: v.number(),
  }).index("by_workspace_name", ["workspaceId", "nameKey"]),
};
