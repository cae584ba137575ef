import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  articleStatusValidator,
  attachmentValidator,
  ticketFieldValidator,
  typingActorValidator,
} from "./messengerValidators";

/**
 * Tables of the messenger's tabs and composer, spread into schema.ts: the help
 * center, the ticket form, uploads (attachments before they are sent) and
 * typing. Tickets themselves are in ticketTables.ts.
 */
export const messengerTables = {
  articleCollections: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    description: v.optional(v.string()),
    /** Lower first. */
    order: v.number(),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_workspace_order", ["workspaceId", "order"]),

  articles: defineTable({
    workspaceId: v.id("workspaces"),
    collectionId: v.optional(v.id("articleCollections")),
    title: v.string(),
    /** Markdown (src/ui/markdown subset) plus images on their own line: `![alt](https://…)`. */
    body: v.string(),
    status: articleStatusValidator,
    order: v.number(),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_workspace_status", ["workspaceId", "status"])
    .index("by_collection_order", ["collectionId", "order"])
    .index("by_collection_status_order", ["collectionId", "status", "order"])
    .searchIndex("search_body", { searchField: "body", filterFields: ["workspaceId", "status"] })
    .searchIndex("search_title", { searchField: "title", filterFields: ["workspaceId", "status"] }),

  /** The fields a visitor fills in to open a ticket; one form per workspace. */
  ticketForms: defineTable({
    workspaceId: v.id("workspaces"),
    fields: v.array(ticketFieldValidator),
    updatedAt: v.number(),
  }).index("by_workspace", ["workspaceId"]),

  /**
   * A file a visitor uploaded and the server checked (type sniffed from its
   * bytes, size within limits). `messageId` is set once a message carries it,
   * so an upload is attached at most once and only by its owner.
   */
  uploads: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    /** Set on an operator's file for a conversation with `visitorId`: only that operator may send it. */
    operatorUserId: v.optional(v.id("users")),
    attachment: attachmentValidator,
    messageId: v.optional(v.id("messages")),
    /** Set instead of `messageId` when a ticket reply carries the file. */
    ticketReplyId: v.optional(v.id("ticketReplies")),
    createdAt: v.number(),
    /** The secret part of the file's download URL (attachmentsHttp.ts); absent on uploads made before it existed. */
    accessKey: v.optional(v.string()),
  })
    .index("by_visitor_created", ["visitorId", "createdAt"])
    .index("by_storage", ["attachment.storageId"])
    .index("by_access_key", ["accessKey"]),

  /** Who is typing in a conversation, until `expiresAt` (a few seconds after the last keystroke). */
  typingIndicators: defineTable({
    conversationId: v.id("conversations"),
    actor: typingActorValidator,
    name: v.optional(v.string()),
    expiresAt: v.number(),
  }).index("by_conversation_actor", ["conversationId", "actor"]),
};
