import { defineTable } from "convex/server";
import { v } from "convex/values";

/*
 * Bot stories, the webhook connections they call, and each conversation's run
 * through a story. Stories and responses are checked by core/bots before they
 * are written (the same rules the widget and the inbox apply), so their
 * columns hold that checked JSON.
 */

export const botRunStatusValidator = v.union(
  /** Waiting for the visitor's answer to a QUESTION (stored in `waitingAttribute`). */
  v.literal("waiting_reply"),
  /** Showed choices (quick replies, buttons): the visitor's pick or reply moves on to `nextNodeId`. */
  v.literal("waiting_choice"),
  /** A webhook call is under way (`deliveryId`). */
  v.literal("calling"),
  /** The story ended without a hand-off: replies go to the team. */
  v.literal("finished"),
  v.literal("handed_off"),
);

/** What a bot message carries besides its plain-text `body`: the response as shown, and when it shows. */
export const botMessageValidator = v.object({
  /** A ShownResponse (core/bots/responses.ts), checked before it was stored. */
  response: v.any(),
  /** The response's delay after the one before it: the widget shows a typing indicator until then. */
  showAt: v.number(),
  /** When the visitor picked one of its choices (quick replies then go away). */
  answeredAt: v.optional(v.number()),
});

export const botTables = {
  botConnections: defineTable({
    workspaceId: v.id("workspaces"),
    storyId: v.id("botStories"),
    name: v.string(),
    url: v.string(),
    /** Sealed (lib/secretBox.ts) with the purpose the sender opens it under. */
    sealedToken: v.optional(v.string()),
    sealedHeaders: v.optional(v.array(v.object({ name: v.string(), sealed: v.string() }))),
    auth: v.optional(v.object({ sealedUsername: v.string(), sealedPassword: v.string(), sealedAuthorization: v.string() })),
    /** Signs every call (Opencom-Signature); shown to admin keys like the token. */
    sealedSigningSecret: v.string(),
    /** The last failure as text, cleared by the next success. */
    error: v.union(v.string(), v.null()),
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_workspace", ["workspaceId"])
    .index("by_story", ["storyId"]),

  botStories: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    startNodeId: v.string(),
    /** StoryNode[] as core/bots/story.ts checked them. */
    nodes: v.any(),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_workspace", ["workspaceId"]),

  /** The story that greets new conversations, at most one row per workspace. */
  botActiveStories: defineTable({
    workspaceId: v.id("workspaces"),
    storyId: v.id("botStories"),
    updatedAt: v.number(),
  }).index("by_workspace", ["workspaceId"]),

  botRuns: defineTable({
    workspaceId: v.id("workspaces"),
    conversationId: v.id("conversations"),
    storyId: v.id("botStories"),
    status: botRunStatusValidator,
    /** The node being waited on (a QUESTION, a RESPONSES with choices, a WEBHOOK). */
    nodeId: v.string(),
    waitingAttribute: v.optional(v.string()),
    nextNodeId: v.optional(v.string()),
    deliveryId: v.optional(v.id("deliveries")),
    /** The webhook call's messageId (a UUID v4): its retries share it. */
    callMessageId: v.optional(v.string()),
    /** Collected in the conversation: answers, webhook attributes, last_message. */
    attributes: v.record(v.string(), v.string()),
    /** When the last bot message shows: the next one's delay counts from here. */
    playCursor: v.number(),
    /** Why the bot handed off (shown to the team). */
    handoffReason: v.optional(v.string()),
    /** Nodes run since the visitor last spoke: stops a story that loops on itself. */
    steps: v.number(),
    updatedAt: v.number(),
  })
    .index("by_conversation", ["conversationId"])
    .index("by_delivery", ["deliveryId"]),
};
