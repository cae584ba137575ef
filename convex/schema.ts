import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import {
  attributesValidator,
  eventKindValidator,
  deviceValidator,
  identityModeValidator,
  launcherPositionValidator,
  messengerTabValidator,
} from "./lib/validators";
import { engagementTables } from "./lib/engagementTables";
import { engagementStatsTables } from "./lib/engagementStatsTables";
import { messengerTables } from "./lib/messengerTables";
import { appTables } from "./lib/appTables";
import { companyTables } from "./lib/companyTables";
import { widgetConfigTables } from "./lib/widgetConfigTables";
import { attachmentTables } from "./lib/attachmentTables";
import { apiFileTables } from "./lib/apiFileTables";
import { replyEmailTables } from "./lib/replyEmailTables";
import { auditEntryFields } from "./lib/auditEntries";
import { operatorTables } from "./lib/operatorTables";
import { outgoingTables } from "./lib/outgoingTables";
import { gatewayTables } from "./lib/gatewayTables";
import { botMessageValidator, botTables } from "./lib/botTables";
import { ticketTables } from "./lib/ticketTables";
import { settingsTables } from "./lib/settingsTables";
import { csatTables } from "./lib/csatTables";
import { studioTables } from "./lib/studioTables";
import { teamProfileTables } from "./lib/teamProfileTables";
import { attachmentValidator, messengerExtraFields } from "./lib/messengerValidators";

export default defineSchema({
  workspaces: defineTable({
    /** Short id used by embeds and the REST API docs, e.g. "demo". */
    publicId: v.string(),
    name: v.string(),
    /**
     * Origins allowed to boot the widget: exact origins, `https://*.example.com`
     * (subdomains), `http://localhost:*` (any port) or `*` (any origin).
     * An empty list admits no browser origin.
     */
    allowedOrigins: v.array(v.string()),
    messenger: v.object({
      primaryColor: v.string(),
      launcherPosition: launcherPositionValidator,
      greeting: v.string(),
      teamName: v.string(),
      tabs: v.array(messengerTabValidator),
      // Theme, office hours, reply time, offline message, home cards, default tab.
      ...messengerExtraFields,
    }),
    /**
     * Kept raw because HMAC verification needs the secret itself; it must never
     * appear in a public function's result (see lib/settings.ts).
     */
    identitySecret: v.optional(v.string()),
    /** Absent on older rows: lib/identitySecrets.ts applies the default ("optional"). */
    identityVerification: v.optional(
      v.object({
        mode: identityModeValidator,
        /** How old a userJwt may be (from `iat`, or until `exp`); lib/identitySecrets.ts applies the default. */
        jwtMaxAgeSeconds: v.optional(v.number()),
      }),
    ),
    /** The secret before the last rotation, still accepted until previousSecretExpiresAt. */
    previousSecret: v.optional(v.string()),
    previousSecretExpiresAt: v.optional(v.number()),
    /** Widget session lifetime; lib/sessionPolicy.ts applies the default (24). */
    sessionLifetimeHours: v.optional(v.number()),
    /** Secret rotations: sessions proven before `provenBefore` end at `revokeAt` (lib/sessionPolicy.ts). */
    provenSessionCutoffs: v.optional(v.array(v.object({ provenBefore: v.number(), revokeAt: v.number() }))),
    /** The site the widget runs on (http or https): the studio's "Pick on site" and "Preview" open it. */
    websiteUrl: v.optional(v.string()),
  }).index("by_public_id", ["publicId"]),

  visitors: defineTable({
    workspaceId: v.id("workspaces"),
    /** Client-generated id persisted by the widget; one visitor per (workspace, sessionId). */
    sessionId: v.string(),
    userId: v.optional(v.string()),
    email: v.optional(v.string()),
    name: v.optional(v.string()),
    device: v.optional(deviceValidator),
    referrer: v.optional(v.string()),
    lastPageUrl: v.optional(v.string()),
    lastSeenAt: v.number(),
    identified: v.boolean(),
    verified: v.boolean(),
    customAttributes: v.optional(attributesValidator),
    /** The company identify last named for this visitor's user. */
    companyId: v.optional(v.id("companies")),
    /** When the messenger asked this (anonymous) visitor for an email; it asks once. */
    emailPromptedAt: v.optional(v.number()),
  })
    .index("by_workspace_session", ["workspaceId", "sessionId"])
    .index("by_workspace_user", ["workspaceId", "userId"])
    /** Finds the visitor a verified user resumes on another browser. */
    .index("by_workspace_user_verified", ["workspaceId", "userId", "verified"])
    /** The inbox's Contacts, most recently seen first. */
    .index("by_workspace_last_seen", ["workspaceId", "lastSeenAt"])
    /** A company's people in Contacts. */
    .index("by_company", ["companyId"]),

  widgetSessions: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    /** SHA-256 hex of the token; the token itself is never stored. */
    tokenHash: v.string(),
    issuedAt: v.number(),
    expiresAt: v.number(),
    /** The instant from which the token is refused (may lie in the future: refresh grace). */
    revokedAt: v.optional(v.number()),
    /** When the boot that started this chain of refreshes happened (absent on old rows: issuedAt). */
    startedAt: v.optional(v.number()),
    /** When the visitor's identity was last proven in this session (boot or identify with a proof). */
    provenAt: v.optional(v.number()),
  })
    .index("by_token_hash", ["tokenHash"])
    .index("by_visitor", ["visitorId"])
    .index("by_expires_at", ["expiresAt"]),

  conversations: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    status: v.union(v.literal("open"), v.literal("closed")),
    lastMessageAt: v.number(),
    lastMessagePreview: v.string(),
    unreadByVisitor: v.number(),
    unreadByAgent: v.number(),
    /** Seen receipts: when the visitor / an agent last read the conversation. */
    readByVisitorAt: v.optional(v.number()),
    readByAgentAt: v.optional(v.number()),
    /** The outbound chat message whose Reply started this conversation, if any. */
    sourceOutboundMessageId: v.optional(v.id("outboundMessages")),
    /** The operator (a `users` id) working the conversation; absent while unassigned. */
    assigneeId: v.optional(v.id("users")),
    /** When a member last took the conversation: the widget's agent_assigned listeners hear of it. */
    assignedAt: v.optional(v.number()),
    /** The support team the conversation is routed to; absent for none. */
    supportTeamId: v.optional(v.id("supportTeams")),
    /** Out of the open list until then; a scheduled wake-up (or the visitor writing) clears it. */
    snoozedUntil: v.optional(v.number()),
  })
    .index("by_visitor_last_message", ["visitorId", "lastMessageAt"])
    .index("by_workspace_last_message", ["workspaceId", "lastMessageAt"])
    .index("by_workspace_status_last_message", ["workspaceId", "status", "lastMessageAt"])
    .index("by_workspace_status_assignee_last_message", ["workspaceId", "status", "assigneeId", "lastMessageAt"])
    .index("by_workspace_status_snoozed_last_message", ["workspaceId", "status", "snoozedUntil", "lastMessageAt"]),

  messages: defineTable({
    conversationId: v.id("conversations"),
    workspaceId: v.id("workspaces"),
    senderType: v.union(
      v.literal("visitor"),
      v.literal("agent"),
      v.literal("bot"),
      v.literal("system"),
    ),
    senderName: v.optional(v.string()),
    senderAvatarUrl: v.optional(v.string()),
    body: v.string(),
    /** Set on visitor messages so retries with the same clientMessageId are recognised. */
    visitorId: v.optional(v.id("visitors")),
    clientMessageId: v.optional(v.string()),
    /** Files sent with the message (checked uploads; see files.ts). */
    attachments: v.optional(v.array(attachmentValidator)),
    /** A bot's rich response (quick replies, cards…) as shown, and when it shows. */
    bot: v.optional(botMessageValidator),
    createdAt: v.number(),
  })
    .index("by_conversation_created", ["conversationId", "createdAt"])
    .index("by_visitor_client_message", ["visitorId", "clientMessageId"]),

  events: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    name: v.string(),
    properties: v.optional(attributesValidator),
    url: v.optional(v.string()),
    /**
     * The widget's page view or presence beat, or the site's own event (eventKind in
     * core/engagement/event-names.ts). Optional only for rows written before it existed;
     * events:labelKinds fills those in.
     */
    kind: v.optional(eventKindValidator),
    createdAt: v.number(),
  })
    .index("by_visitor_created", ["visitorId", "createdAt"])
    .index("by_visitor_kind_created", ["visitorId", "kind", "createdAt"])
    .index("by_workspace_name_created", ["workspaceId", "name", "createdAt"]),

  apiKeys: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    /** SHA-256 hex of the full key. */
    keyHash: v.string(),
    /** First characters of the key, shown in admin UIs to tell keys apart. */
    prefix: v.string(),
    createdAt: v.number(),
    revokedAt: v.optional(v.number()),
    /** Last authenticated REST call, to the minute (rest/auth.ts writes it at most once a minute). */
    lastUsedAt: v.optional(v.number()),
  })
    .index("by_key_hash", ["keyHash"])
    .index("by_workspace", ["workspaceId"]),

  // Tours, tooltips, outbound messages, surveys, checklists, CSAT and their per-visitor state.
  ...engagementTables,
  // Their results: counters written as events arrive, newest free-text survey answers.
  ...engagementStatsTables,

  // Help center, the ticket form, uploads and typing indicators.
  ...messengerTables,

  // Upload grants and files waiting to be saved.
  ...attachmentTables,
  // Files uploaded through the REST API for agent replies.
  ...apiFileTables,

  // Operators' replies emailed to visitors who left.
  ...replyEmailTables,

  /** Security-relevant operator actions, append-only (audit.ts; shape in lib/auditEntries.ts). */
  auditLog: defineTable(auditEntryFields)
    .index("by_workspace_at", ["workspaceId", "at"])
    .index("by_workspace_target_at", ["workspaceId", "target.type", "target.id", "at"]),

  // Convex Auth (users, sessions, accounts, refresh tokens, its sign-in rate limits).
  ...authTables,

  // Workspace members, invites, internal notes.
  ...operatorTables,
  // Operators' avatars and last replies, for the messenger's Home.
  ...teamProfileTables,

  // Tickets, their replies, support teams and SLA policies.
  ...ticketTables,

  // Outgoing calls of every integration (deliveries and their attempts) and webhook subscriptions.
  ...outgoingTables,

  // Custom apps shown in the operator inbox.
  ...appTables,
  ...companyTables,

  // Support team membership and widget install checks (the inbox's Settings).
  ...settingsTables,
  ...csatTables,
  ...studioTables,

  // Chat gateways, their chats and broadcasts.
  ...gatewayTables,

  // Bot stories, their webhook connections, and each conversation's run.
  ...botTables,
  // Widget configurations (theme, layout, listeners), OAuth clients, latency metrics.
  ...widgetConfigTables,
});
