import { defineTable } from "convex/server";
import { v } from "convex/values";
import { attachmentValidator, ticketHistoryEntryValidator, ticketStateValidator } from "./messengerValidators";
import {
  assigneeChangeValidator,
  priorityChangeValidator,
  replyAuthorValidator,
  slaBreachValidator,
  slaCheckValidator,
  stateChangeValidator,
  teamChangeValidator,
  ticketPriorityValidator,
} from "./ticketValidators";

/**
 * Tables of tickets, spread into schema.ts: the tickets, their replies, support
 * teams and SLA policies. The ticket's operator fields are optional so rows
 * filed before they existed stay valid; lib/ticketFields.ts reads them with
 * their defaults.
 */
export const ticketTables = {
  tickets: defineTable({
    workspaceId: v.id("workspaces"),
    /** The author. */
    visitorId: v.id("visitors"),
    /** Per-workspace sequence; people see it as the code "TK-12". */
    number: v.number(),
    /** The subject. */
    title: v.string(),
    /** Answers by form field id. */
    fields: v.record(v.string(), v.string()),
    state: ticketStateValidator,
    /** What the visitor sees: every state the ticket went through, with agents' notes, oldest first. */
    history: v.array(ticketHistoryEntryValidator),
    createdAt: v.number(),
    updatedAt: v.number(),
    /** @default "MEDIUM" */
    priority: v.optional(ticketPriorityValidator),
    assigneeId: v.optional(v.id("members")),
    supportTeamId: v.optional(v.id("supportTeams")),
    /** Timestamped changes, oldest first, never trimmed: the SLA clocks are computed from them. */
    stateChanges: v.optional(v.array(stateChangeValidator)),
    priorityChanges: v.optional(v.array(priorityChangeValidator)),
    assigneeChanges: v.optional(v.array(assigneeChangeValidator)),
    teamChanges: v.optional(v.array(teamChangeValidator)),
    /** The team's first reply the visitor could see. */
    firstResponseAt: v.optional(v.number()),
    slaBreaches: v.optional(v.array(slaBreachValidator)),
    /** Bumped by every change the clocks depend on. */
    slaRevision: v.optional(v.number()),
    slaCheck: v.optional(slaCheckValidator),
  })
    .index("by_visitor_updated", ["visitorId", "updatedAt"])
    .index("by_workspace_updated", ["workspaceId", "updatedAt"])
    .index("by_workspace_state_updated", ["workspaceId", "state", "updatedAt"])
    .index("by_workspace_priority_updated", ["workspaceId", "priority", "updatedAt"])
    .index("by_workspace_state_priority_updated", ["workspaceId", "state", "priority", "updatedAt"])
    .index("by_workspace_team", ["workspaceId", "supportTeamId"])
    .index("by_workspace_assignee", ["workspaceId", "assigneeId"])
    .index("by_workspace_number", ["workspaceId", "number"]),

  /** The conversation on a ticket, as both sides see it in the messenger's Tickets tab. */
  ticketReplies: defineTable({
    workspaceId: v.id("workspaces"),
    ticketId: v.id("tickets"),
    author: replyAuthorValidator,
    /** Set on an agent's reply. */
    memberId: v.optional(v.id("members")),
    /** The name shown with the reply, as it was when sent. */
    authorName: v.optional(v.string()),
    body: v.string(),
    /** Files on a team reply sent through the REST API (their uploads name the reply). */
    attachments: v.optional(v.array(attachmentValidator)),
    createdAt: v.number(),
  }).index("by_ticket_created", ["ticketId", "createdAt"]),

  supportTeams: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_workspace_name", ["workspaceId", "name"]),

  /** Targets per workspace and priority; a missing row or field means no target. */
  slaPolicies: defineTable({
    workspaceId: v.id("workspaces"),
    priority: ticketPriorityValidator,
    firstResponseMillis: v.optional(v.number()),
    resolutionMillis: v.optional(v.number()),
    updatedAt: v.number(),
  }).index("by_workspace_priority", ["workspaceId", "priority"]),
};
