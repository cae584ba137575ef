import { defineTable } from "convex/server";
import { v } from "convex/values";
import { attributesValidator } from "./validators";

/** Companies, one per host-given id in a workspace, from what identify says of a user's company. */
export const companyTables = {
  companies: defineTable({
    workspaceId: v.id("workspaces"),
    /** The host page's own id for the company. */
    externalId: v.string(),
    name: v.optional(v.string()),
    plan: v.optional(v.string()),
    size: v.optional(v.number()),
    website: v.optional(v.string()),
    industry: v.optional(v.string()),
    customAttributes: v.optional(attributesValidator),
    createdAt: v.number(),
    /** The last time one of its people was identified with it: the Contacts list's order. */
    lastSeenAt: v.number(),
  })
    .index("by_workspace_external", ["workspaceId", "externalId"])
    .index("by_workspace_last_seen", ["workspaceId", "lastSeenAt"]),
};
